package coop.tally.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a package: the other Tally packages its classes may use, named below {@code coop.tally}
 * (e.g. {@code "ledger"}, {@code "posting.rule"}). Packages depend on each other in one direction;
 * the architecture test reads these lists and fails on any other dependency and on any cycle.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PACKAGE)
public @interface MayUse {

    String[] value() default {};
}
