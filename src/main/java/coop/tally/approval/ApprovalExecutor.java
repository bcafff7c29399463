package coop.tally.approval;

import jakarta.json.JsonObject;

/**
 * Carries out one kind of approved request. Each kind (posting, reversal, phone unlock, drawer
 * close, ...) implements this as a CDI bean in its own package; {@link Approvals} finds it by
 * {@link #kind()}.
 *
 * <p>{@link #execute} runs in a transaction of its own ({@code REQUIRES_NEW}) as the request's maker,
 * re-checking every rule at that moment. It either does the thing and returns what happened, or
 * throws an {@link coop.tally.web.Refusal} and does nothing: the approval then records the
 * refusal. It must be safe to call twice for the same request (the second call changes nothing).
 */
public interface ApprovalExecutor {

    ApprovalKind kind();

    /** {@code reason} is the supervisor's reason for approving. */
    Executed execute(ApprovalRequest request, String approver, String reason);

    /** What the approved request did: the journal entry it posted (if any) and its result as the maker would have seen it. */
    record Executed(Long entryId, JsonObject outcome) {
    }
}
