package coop.tally.platform;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A transactional method (or every method of a class) that is run again when the transaction it
 * starts loses a race ({@link ConcurrencyConflicts}), up to {@value RaceRetry#ATTEMPTS} times, instead of
 * answering 503 at once. Only for methods whose every effect is in that transaction: whatever they
 * did is rolled back before they run again. A method called inside a caller's transaction is never
 * run again here: that transaction is the caller's to retry.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RetriedOnConflict {
}
