package coop.tally.posting;

import coop.tally.approval.PolicyDecision;
import coop.tally.ledger.EntryType;
import coop.tally.money.Money;
import coop.tally.posting.policy.OverrideFacts;
import coop.tally.posting.policy.OverridePolicy;
import coop.tally.staff.Role;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Whether a reversal posts at once or waits for a supervisor is the reversal policy's answer, not the service's. */
class ReversalServiceTest {

    private static final PostingService.Actor REP = new PostingService.Actor("rep1", Set.of(Role.REP), null);
    private static final PostingService.Actor SUPERVISOR = new PostingService.Actor("super1", Set.of(Role.SUPERVISOR), null);

    /** The service with its two ways out recorded instead of taken (they need the database). */
    private static final class Recording extends ReversalService {
        String took;

        Recording(OverridePolicy policy) {
            this.policy = policy;
        }

        @Override
        OverrideFacts policyFacts(PostingService.Actor actor) {
            return new OverrideFacts(EntryType.REVERSAL, null, Money.ZERO, false, actor.supervisor(), null,
                    LocalDate.of(2025, 3, 14), List.of(), Map.of());
        }

        @Override
        public JsonObject reverse(PostingService.Actor actor, long entryId, ReversalReason reason, String memo) {
            took = "posted";
            return Json.createObjectBuilder().build();
        }

        @Override
        PostingService.Outcome requestApproval(PostingService.Actor actor, long entryId, ReversalReason reason, String memo,
                                               PolicyDecision override) {
            took = "approval for " + override.reason();
            return new PostingService.Outcome(PostingService.Result.AWAITING_APPROVAL, "{}", false);
        }
    }

    private static String reversalBy(OverridePolicy policy, PostingService.Actor actor) {
        Recording service = new Recording(policy);
        service.reverseOrRequest(actor, 7L, ReversalReason.POSTING_ERROR, null);
        return service.took;
    }

    @Test
    void the_standard_policy_posts_a_supervisors_reversal_and_sends_a_reps_for_approval() {
        OverridePolicy standard = new ReversalService().policy;
        assertEquals("posted", reversalBy(standard, SUPERVISOR));
        assertEquals("approval for REVERSAL", reversalBy(standard, REP));
    }

    @Test
    void a_policy_that_asks_for_an_override_holds_even_a_supervisors_reversal() {
        OverridePolicy always = facts -> Optional.of(PolicyDecision.override("FOUR_EYES", "Every reversal needs a second supervisor."));
        assertEquals("approval for FOUR_EYES", reversalBy(always, SUPERVISOR));
    }

    @Test
    void a_policy_that_raises_nothing_lets_a_reps_reversal_post() {
        OverridePolicy never = facts -> Optional.empty();
        assertEquals("posted", reversalBy(never, REP));
    }

    @Test
    void the_policy_is_asked_about_a_reversal_by_whoever_asks() {
        OverridePolicy onlyReversalsBySupervisors = facts -> facts.type() == EntryType.REVERSAL && facts.makerIsSupervisor()
                ? Optional.empty() : Optional.of(PolicyDecision.override("WRONG_FACTS", "Not asked about this reversal."));
        assertEquals("posted", reversalBy(onlyReversalsBySupervisors, SUPERVISOR));
    }
}
