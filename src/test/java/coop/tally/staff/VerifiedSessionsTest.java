package coop.tally.staff;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifiedSessionsTest {

    private static final Duration IDLE = Duration.ofMinutes(30);
    private static final Duration TOUCH = Duration.ofSeconds(60);
    private static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");
    private static final SignedInStaff REP = new SignedInStaff("rep1", Set.of(Role.REP), null);

    /** Records the synchronizations a revoking transaction registers, to end that transaction when the test says. */
    private static final class OneTransaction implements TransactionSynchronizationRegistry {
        final List<Synchronization> registered = new ArrayList<>();

        void end(int status) {
            registered.forEach(synchronization -> synchronization.afterCompletion(status));
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            registered.add(sync);
        }

        @Override
        public Object getTransactionKey() {
            return this;
        }

        @Override
        public void putResource(Object key, Object value) {
        }

        @Override
        public Object getResource(Object key) {
            return null;
        }

        @Override
        public int getTransactionStatus() {
            return Status.STATUS_ACTIVE;
        }

        @Override
        public void setRollbackOnly() {
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }

    private static VerifiedSessions sessions(OneTransaction transaction) {
        VerifiedSessions sessions = new VerifiedSessions();
        sessions.transactions = transaction;
        return sessions;
    }

    private static void remember(VerifiedSessions sessions, String hash, Instant lastSeen, long generation) {
        sessions.remember(hash, new VerifiedSessions.Verified(REP, T0.plus(Duration.ofHours(8)), lastSeen), generation, lastSeen, IDLE);
    }

    @Test
    void a_remembered_session_answers_until_its_last_seen_time_is_due_to_be_written_or_it_expires() {
        VerifiedSessions sessions = sessions(new OneTransaction());
        remember(sessions, "h1", T0, sessions.generation());

        assertEquals(Optional.of(REP), sessions.answer("h1", T0.plusSeconds(59), IDLE, TOUCH));
        assertEquals(Optional.of(REP), sessions.answer("h1", T0.plusSeconds(60), IDLE, TOUCH));
        assertEquals(Optional.empty(), sessions.answer("h1", T0.plusSeconds(61), IDLE, TOUCH), "the database is asked again (and touches)");
        assertEquals(Optional.empty(), sessions.answer("h2", T0, IDLE, TOUCH), "never verified here");

        VerifiedSessions nearTheEnd = sessions(new OneTransaction());
        nearTheEnd.remember("h1", new VerifiedSessions.Verified(REP, T0.plusSeconds(10), T0), nearTheEnd.generation(), T0, IDLE);
        assertEquals(Optional.of(REP), nearTheEnd.answer("h1", T0.plusSeconds(9), IDLE, TOUCH));
        assertEquals(Optional.empty(), nearTheEnd.answer("h1", T0.plusSeconds(10), IDLE, TOUCH), "past its hard expiry");
    }

    @Test
    void a_revoked_session_is_forgotten_at_once_and_again_when_the_revoking_transaction_ends() {
        OneTransaction revoking = new OneTransaction();
        VerifiedSessions sessions = sessions(revoking);
        remember(sessions, "h1", T0, sessions.generation());
        remember(sessions, "h2", T0, sessions.generation());

        sessions.forgetWithin(VerifiedSessions.token("h1"));
        assertEquals(Optional.empty(), sessions.answer("h1", T0, IDLE, TOUCH));
        assertEquals(Optional.of(REP), sessions.answer("h2", T0, IDLE, TOUCH), "another token of the same staff member stays");

        // a request read the session before the revocation committed and remembers it late
        remember(sessions, "h1", T0, sessions.generation());
        revoking.end(Status.STATUS_COMMITTED);
        assertEquals(Optional.empty(), sessions.answer("h1", T0, IDLE, TOUCH));
    }

    @Test
    void a_database_read_that_began_before_a_revocation_ended_is_not_remembered() {
        OneTransaction revoking = new OneTransaction();
        VerifiedSessions sessions = sessions(revoking);
        long readBegan = sessions.generation();
        sessions.forgetWithin(VerifiedSessions.of("rep1"));
        revoking.end(Status.STATUS_COMMITTED);

        remember(sessions, "h1", T0, readBegan);
        assertEquals(Optional.empty(), sessions.answer("h1", T0, IDLE, TOUCH));

        remember(sessions, "h1", T0, sessions.generation());
        assertEquals(Optional.of(REP), sessions.answer("h1", T0, IDLE, TOUCH), "a read after the revocation ended is remembered");
    }

    @Test
    void disabling_a_staff_member_forgets_every_session_of_theirs_and_only_theirs() {
        VerifiedSessions sessions = sessions(new OneTransaction());
        remember(sessions, "h1", T0, sessions.generation());
        sessions.remember("h9", new VerifiedSessions.Verified(new SignedInStaff("rep2", Set.of(Role.REP), null),
                T0.plus(Duration.ofHours(8)), T0), sessions.generation(), T0, IDLE);

        sessions.forgetWithin(VerifiedSessions.of("rep1"));
        assertEquals(Optional.empty(), sessions.answer("h1", T0, IDLE, TOUCH));
        assertTrue(sessions.answer("h9", T0, IDLE, TOUCH).isPresent());
    }
}
