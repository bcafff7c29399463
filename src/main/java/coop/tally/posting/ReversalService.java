package coop.tally.posting;

import coop.tally.posting.rule.PostingRefused;
import coop.tally.drawer.Drawer;
import coop.tally.drawer.DrawerService;
import coop.tally.approval.ApprovalJson;
import coop.tally.approval.ApprovalKind;
import coop.tally.approval.Approvals;
import coop.tally.approval.PolicyDecision;
import coop.tally.money.Money;
import coop.tally.posting.plan.PostingPlanner;
import coop.tally.posting.policy.OverrideFacts;
import coop.tally.posting.policy.OverridePolicy;
import coop.tally.posting.policy.ReversalPolicy;
import coop.tally.web.JsonBuilders;
import coop.tally.ledger.BusinessDates;
import coop.tally.ledger.EntryDraft;
import coop.tally.ledger.EntryHeader;
import coop.tally.ledger.EntryType;
import coop.tally.ledger.Holds;
import coop.tally.ledger.Journal;
import coop.tally.ledger.JournalEntry;
import coop.tally.ledger.Viewer;
import coop.tally.member.MemberAccount;
import coop.tally.caller.CallGate;
import coop.tally.ledger.JournalPipeline;
import coop.tally.ledger.EntryContext;
import coop.tally.platform.TallyClock;
import coop.tally.posting.rule.AccountStatusRule;
import coop.tally.posting.rule.PostingRules;
import coop.tally.posting.rule.StaffOwnAccountRule;
import coop.tally.posting.rule.SufficientFundsRule;
import coop.tally.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reverses a journal entry: posts its exact contra entry, linked to it, once. Holds the original
 * placed are released and a reversed loan payment puts the loan back as it was.
 */
@ApplicationScoped
public class ReversalService {

    /** A reversal may not take money the member no longer has, nor touch a closed account or the staff's own. */
    private final PostingRules rules = new PostingRules(List.of(
            new StaffOwnAccountRule(), new AccountStatusRule(), new SufficientFundsRule()));

    @Inject
    Journal journal;

    @Inject
    DrawerService drawers;

    @Inject
    JournalPipeline pipeline;

    @Inject
    CallGate callGate;

    @Inject
    Holds holds;

    @Inject
    LoanServicing loans;

    @Inject
    BusinessDates businessDates;

    @Inject
    TallyClock clock;

    @Inject
    PostingResults results;

    @Inject
    Approvals approvals;

    @Inject
    Viewers viewers;

    /**
     * Whether a reversal needs a supervisor's override is the policy's to say, not this class's; a
     * field so that a test can put another policy in and see the service follow it.
     */
    OverridePolicy policy = new ReversalPolicy();

    /** Posts the reversal now when the policy raises nothing; else it waits for a supervisor (202 with the request). */
    @Transactional
    public PostingService.Outcome reverseOrRequest(PostingService.Actor actor, long entryId, ReversalReason reason, String memo) {
        Optional<PolicyDecision> override = policy.check(policyFacts(actor));
        if (override.isEmpty()) {
            return new PostingService.Outcome(PostingService.Result.POSTED, reverse(actor, entryId, reason, memo).toString(), false);
        }
        return requestApproval(actor, entryId, reason, memo, override.get());
    }

    /**
     * What the policy is asked about a reversal: who asks for it. The amount and accounts are the
     * original's and say nothing about who may reverse, so they are not loaded before the verdict.
     */
    OverrideFacts policyFacts(PostingService.Actor actor) {
        return new OverrideFacts(EntryType.REVERSAL, null, Money.ZERO, false, actor.supervisor(), null,
                businessDates.current(), List.of(), Map.of());
    }

    PostingService.Outcome requestApproval(PostingService.Actor actor, long entryId, ReversalReason reason, String memo,
                                           PolicyDecision override) {
        JournalEntry original = reversible(entryId);
        String member = original.lineDrafts().stream().filter(line -> line.account().isMember())
                .map(line -> line.account().id().substring(0, line.account().id().indexOf('-'))).findFirst().orElse(null);
        if (member != null && member.equals(actor.ownMemberNumber())) {
            throw PostingRefused.refused(StaffOwnAccountRule.CODE, "Staff may not act on their own accounts.", Map.of());
        }
        var payload = JsonBuilders.JSON.createObjectBuilder().add("entryId", entryId).add("reasonCode", reason.name());
        if (memo != null) {
            payload.add("memo", memo);
        }
        Approvals.View view = approvals.request(ApprovalKind.REVERSAL, actor.username(), original.sessionId(), member,
                "REVERSAL of entry " + entryId + " (" + reason.name() + ")", payload.build(),
                List.of(override), JsonBuilders.JSON.createArrayBuilder().build());
        String body = JsonBuilders.JSON.createObjectBuilder().add("code", "OVERRIDE_REQUIRED")
                .add("detail", "A reversal needs a supervisor's override; it waits in the approval queue.")
                .add("approval", ApprovalJson.of(view, viewers.of(false, member)::seesMemberAccount)).build().toString();
        return new PostingService.Outcome(PostingService.Result.AWAITING_APPROVAL, body, false);
    }

    @Transactional
    public JsonObject reverse(PostingService.Actor actor, long entryId, ReversalReason reason, String memo) {
        return reverse(actor, entryId, reason, memo, null);
    }

    /** Posts a reversal a supervisor approved, as its maker, in a transaction of its own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public JsonObject reverseApproved(PostingService.Actor maker, long entryId, ReversalReason reason, String memo,
                                      PostingService.ApprovedBy approval) {
        return reverse(maker, entryId, reason, memo, approval);
    }

    private JournalEntry reversible(long entryId) {
        JournalEntry original = journal.find(entryId)
                .orElseThrow(() -> Refusal.notFound("TRANSACTION_NOT_FOUND", "No journal entry with that id."));
        // postings a client made only (those with a form): vault moves and a drawer's over/short are
        // settled by counting, not reversed, since reversing them would adjust a drawer by hand
        if (PostingPlanner.form(original.type()).isEmpty()) {
            throw PostingRefused.refused("NOT_REVERSIBLE", "A " + original.type() + " entry cannot be reversed.",
                    Map.of("entryType", original.type().name()));
        }
        if (journal.reversalOf(entryId).isPresent()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "ALREADY_REVERSED", "This entry has already been reversed.");
        }
        return original;
    }

    private JsonObject reverse(PostingService.Actor actor, long entryId, ReversalReason reason, String memo,
                               PostingService.ApprovedBy approval) {
        JournalEntry original = reversible(entryId);
        EntryDraft contra = EntryDraft.reversalOf(original.lineDrafts());
        Map<String, MemberAccount> accounts = pipeline.lockMemberAccounts(PostingService.memberLines(contra).stream()
                .map(line -> line.account().id()).toList());
        LocalDate businessDate = businessDates.current();
        holds.releaseDue(accounts.values(), businessDate);
        holds.releaseForReversal(entryId, accounts);
        rules.enforce(PostingFactsBuilder.facts(contra, null, actor, accounts, Set.of()));
        // a cash entry is reversed through the drawer it went through: while that drawer is open
        // its expected cash moves back; once it is counted or closed the reversal is refused
        Optional<Drawer> drawer = drawers.lockForReversal(original.lineDrafts());
        drawer.ifPresent(open -> drawers.admitReversal(open, DrawerService.cashDelta(contra.lines(), open.glCode())));
        if (original.type() == EntryType.LOAN_PAYMENT) {
            original.lineDrafts().stream()
                    .filter(line -> line.account().isMember())
                    .map(line -> accounts.get(line.account().id()))
                    .filter(account -> account.type() == coop.tally.member.AccountType.LOAN)
                    .findFirst()
                    .ifPresent(loan -> loans.reversePayment(original, loan));
        }
        EntryHeader header = new EntryHeader(EntryType.REVERSAL, businessDate, clock.now(),
                actor.username(), original.sessionId(), null, null, memo, original.id(), reason.name());
        if (approval != null) {
            header = header.approvedAs(approval.approvalId(), approval.approver());
        }
        // observers see the reversal as the member of the call or visit the original was posted in
        EntryContext context = EntryContext.serving(callGate.memberOf(original.sessionId()).orElse(null));
        JournalEntry reversal = pipeline.post(header, contra, accounts, context);
        // a rep (the maker of an approved reversal) sees it as the member of the call the original was posted in
        Viewer viewer = viewers.ofSession(actor.supervisor(), original.sessionId());
        var json = JsonBuilders.JSON.createObjectBuilder(results.posted(reversal, accounts.values(), List.of(), null, viewer));
        if (reason == ReversalReason.POSTING_ERROR) {
            json.add("postingErrorAttributedTo", original.postedBy());
        }
        return json.build();
    }
}
