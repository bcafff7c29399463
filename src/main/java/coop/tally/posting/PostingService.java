package coop.tally.posting;

import coop.tally.posting.rule.PostingRefused;
import coop.tally.posting.rule.Tender;
import coop.tally.approval.ApprovalJson;
import coop.tally.approval.ApprovalKind;
import coop.tally.approval.Approvals;
import coop.tally.posting.policy.OverrideFacts;
import coop.tally.posting.policy.OverdraftPolicy;
import coop.tally.posting.policy.OverridePolicies;
import coop.tally.caller.CallGate;
import coop.tally.caller.MemberCall;
import coop.tally.drawer.DenominationCount;
import coop.tally.drawer.Drawer;
import coop.tally.drawer.DrawerService;
import coop.tally.posting.rule.PostingFacts;
import coop.tally.staff.PostingLimits;
import coop.tally.staff.Role;
import coop.tally.web.JsonBuilders;
import coop.tally.ledger.BusinessDates;
import coop.tally.ledger.EntryDraft;
import coop.tally.ledger.EntryHeader;
import coop.tally.ledger.EntryType;
import coop.tally.ledger.Holds;
import coop.tally.ledger.EntryContext;
import coop.tally.ledger.JournalPipeline;
import coop.tally.ledger.JournalEntry;
import coop.tally.ledger.LineDraft;
import coop.tally.ledger.Viewer;
import coop.tally.ledger.AccountHold;
import coop.tally.member.AccountType;
import coop.tally.member.MemberAccount;
import coop.tally.platform.TallyClock;
import coop.tally.ledger.hold.BusinessCalendar;
import coop.tally.ledger.hold.CheckHoldPolicy;
import coop.tally.posting.loan.Allocation;
import coop.tally.posting.loan.LoanTerms;
import coop.tally.posting.plan.FeeSchedule;
import coop.tally.posting.plan.PlanningContext;
import coop.tally.posting.plan.PostingPlanner;
import coop.tally.posting.plan.PostingRequest;
import coop.tally.posting.rule.PostingRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The one way money moves: a posting request becomes one balanced journal entry, with the
 * member balances, holds and loan servicing that go with it, in one transaction. Each gate is a
 * separate rule ({@link PostingRules}); this class only orders the steps.
 */
@ApplicationScoped
public class PostingService {

    private final PostingPlanner planner = new PostingPlanner(FeeSchedule.standard());
    /** The posting rules; an overdraft of the types a supervisor may allow is left to the override policies. */
    private final PostingRules rules = PostingRules.allowingOverdraftOf(OverdraftPolicy.OVERDRAFTABLE);
    private final OverridePolicies policies = OverridePolicies.standard();
    private final CheckHoldPolicy holdPolicy = new CheckHoldPolicy(new BusinessCalendar());

    @Inject
    Idempotency idempotency;

    @Inject
    JournalPipeline pipeline;

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
    Viewers viewers;

    @Inject
    CallGate callGate;

    @Inject
    DrawerService drawers;

    @Inject
    PostingLimits limits;

    @Inject
    Approvals approvals;

    @Inject
    PayeeScreening payees;

    /** Who is posting: the staff member, their roles (a supervisor may waive fees), and the member they themselves are. */
    public record Actor(String username, Set<Role> roles, String ownMemberNumber) {

        public Actor {
            roles = Set.copyOf(roles);
        }

        public boolean supervisor() {
            return roles.contains(Role.SUPERVISOR);
        }
    }

    /** What became of a posting: posted at once, or waiting for a supervisor's approval. */
    public enum Result {
        POSTED, AWAITING_APPROVAL
    }

    /** The answer: what became of the posting and its JSON body, first-time or replayed. */
    public record Outcome(Result result, String body, boolean replayed) {
    }

    /** The supervisor's approval a posting runs under: which request, who approved, which policy reasons it covers. */
    public record ApprovedBy(long approvalId, String approver, Set<String> coveredReasons) {
    }

    /**
     * Posts, or (when a policy needs a supervisor) raises an approval request and answers 202 with
     * it, or refuses. {@code requestedDate} is the business date asked for (null: the current one);
     * {@code denominations}, for CASH, are the notes and coin that crossed the counter (or null).
     */
    @Transactional
    public Outcome post(Actor actor, String idempotencyKey, PostingRequest request, String sessionId, LocalDate requestedDate,
                        DenominationCount denominations) {
        Idempotency.Claim claim = idempotency.claim(actor.username(), idempotencyKey,
                requestHash(request, sessionId, requestedDate, denominations));
        if (claim.asReplay().isPresent()) {
            return new Outcome(claim.replay().result(), claim.replay().body(), true);
        }
        return execute(actor, idempotencyKey, request, sessionId, requestedDate, denominations, null, claim);
    }

    /**
     * Carries out an approved request as its maker, in its own transaction, re-running every rule,
     * policy and the call gate now. Posts at most once per approval: its idempotency key is the
     * approval's, so a second call answers with the first result.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outcome postApproved(Actor maker, PostingRequest request, String sessionId, LocalDate requestedDate,
                                DenominationCount denominations, ApprovedBy approval) {
        String key = "approval-" + approval.approvalId();
        Idempotency.Claim claim = idempotency.claim(maker.username(), key, requestHash(request, sessionId, requestedDate, denominations));
        if (claim.asReplay().isPresent()) {
            return new Outcome(claim.replay().result(), claim.replay().body(), true);
        }
        return execute(maker, key, request, sessionId, requestedDate, denominations, approval, claim);
    }

    /**
     * Posts, in the caller's transaction, the opening deposit or the closing payout of
     * {@code deskAccount}, which the desk is opening or closing with it: every gate of {@link #post}
     * applies, except that a certificate takes it and a share's par value does not hold. Under
     * {@code approval} (null: none) it runs as an approved posting, covering the reasons approved.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome postForDesk(Actor actor, String idempotencyKey, PostingRequest request, String sessionId, String deskAccount,
                               ApprovedBy approval) {
        Idempotency.Claim claim = idempotency.claim(actor.username(), idempotencyKey, requestHash(request, sessionId, null, null));
        if (claim.asReplay().isPresent()) {
            return new Outcome(claim.replay().result(), claim.replay().body(), true);
        }
        return execute(actor, idempotencyKey, request, sessionId, null, null, approval, claim, Set.of(deskAccount));
    }

    private Outcome execute(Actor actor, String idempotencyKey, PostingRequest request, String sessionId,
                            LocalDate requestedDate, DenominationCount denominations, ApprovedBy approval,
                            Idempotency.Claim claim) {
        return execute(actor, idempotencyKey, request, sessionId, requestedDate, denominations, approval, claim, Set.of());
    }

    private Outcome execute(Actor actor, String idempotencyKey, PostingRequest request, String sessionId,
                            LocalDate requestedDate, DenominationCount denominations, ApprovedBy approval,
                            Idempotency.Claim claim, Set<String> deskAccounts) {
        LocalDate currentDate = businessDates.current();
        LocalDate businessDate = requestedDate == null ? currentDate : requestedDate;
        Map<String, MemberAccount> accounts = lockAccounts(request);
        // the caller must be verified in this staff member's session, as the owner of the money, before anything is read or planned
        boolean cash = request.tender() == Tender.CASH;
        boolean atCounter = request.tender() != null && request.tender().needsVisit();
        String summary = SessionScope.summary(request)
                + (approval == null ? "" : " approved by " + approval.approver() + " (approval " + approval.approvalId() + ")");
        MemberCall session = approval == null
                ? callGate.admitPosting(actor.username(), sessionId, SessionScope.of(request, accounts), atCounter)
                : callGate.admitApprovedPosting(actor.username(), sessionId, SessionScope.of(request, accounts), atCounter);
        // what the answer shows (and an idempotent replay repeats): a rep sees the session member's side of the entry
        Viewer viewer = viewers.ofPosting(actor.supervisor(), session.memberNumber(), accounts.values());
        // cash goes through the acting rep's own open drawer, locked after the member accounts; none: the planner refuses
        Optional<Drawer> drawer = cash ? drawers.lockForCash(actor.username(), currentDate) : Optional.empty();
        holds.releaseDue(accounts.values(), currentDate);

        Allocation allocation = null;
        LoanTerms loanBefore = null;
        if (request.type() == EntryType.LOAN_PAYMENT) {
            if (request.loanAccount() == null || request.loanAccount().isBlank()) {
                throw PostingRefused.malformed("FIELD_REQUIRED", "The loanAccount is required.", Map.of("field", "loanAccount"));
            }
            MemberAccount loan = accounts.get(request.loanAccount());
            if (loan.type() != AccountType.LOAN) {
                throw PostingRefused.refused("NOT_A_LOAN", "The account paid is not a loan.", Map.of("field", "loanAccount"));
            }
            loanBefore = LoanServicing.termsOf(loan);
            allocation = loans.allocate(loan, request.amount(), businessDate);
        }
        PlanningContext context = PlanningContext.drawer(drawer.map(Drawer::glCode).orElse(null));
        EntryDraft draft = planner.plan(request, allocation == null ? context : context.withLoanAllocation(allocation));
        PostingFacts facts = PostingFactsBuilder.facts(draft, request.tender(), actor, accounts, deskAccounts);
        rules.enforce(facts);

        OverridePolicies.Verdict verdict = policies.decide(new OverrideFacts(request.type(), request.tender(),
                request.amount(), request.feeWaived(), actor.supervisor(), requestedDate, currentDate, facts.accounts(),
                limits.of(actor.username(), actor.roles())));
        if (approval == null && PayeeScreening.screens(request)) {
            Optional<String> held = payees.holdIfListed(actor.username(), request, sessionId, requestedDate, denominations,
                    session.memberNumber(), verdict.overrides(), viewer::seesMemberAccount);
            if (held.isPresent()) {
                claim.answer(Result.AWAITING_APPROVAL, held.get(), null);
                return new Outcome(Result.AWAITING_APPROVAL, held.get(), false);
            }
        }
        if (!verdict.overrides().isEmpty()) {
            if (approval == null) {
                Approvals.View view = approvals.request(ApprovalKind.POSTING, actor.username(), sessionId,
                        session.memberNumber(), SessionScope.summary(request),
                        PostingRequestReader.toJson(request, sessionId, requestedDate, denominations), verdict.overrides(),
                        results.balances(accounts.values(), Viewer.wholeEntries()).build());
                String body = JsonBuilders.JSON.createObjectBuilder()
                        .add("code", "OVERRIDE_REQUIRED")
                        .add("detail", "This posting needs a supervisor's override; it waits in the approval queue.")
                        .add("approval", ApprovalJson.of(view, viewer::seesMemberAccount)).build().toString();
                callGate.noteApprovalOutcome(sessionId, actor.username(), "approval " + view.request().id()
                        + " requested: " + String.join(", ", verdict.reasons()));
                claim.answer(Result.AWAITING_APPROVAL, body, null);
                return new Outcome(Result.AWAITING_APPROVAL, body, false);
            }
            List<String> uncovered = verdict.reasons().stream().filter(reason -> !approval.coveredReasons().contains(reason)).toList();
            if (!uncovered.isEmpty()) {
                throw PostingRefused.refused("OVERRIDE_NOT_COVERED",
                        "The posting now needs an override the approval did not give: " + String.join(", ", uncovered) + ".",
                        Map.of("reasons", uncovered));
            }
        }

        EntryHeader header = EntryHeader.posting(draft.type(), businessDate, clock.now(), actor.username(),
                sessionId, idempotencyKey, request.memo());
        if (approval != null) {
            header = header.approvedAs(approval.approvalId(), approval.approver());
        }
        drawer.ifPresent(open -> drawers.admit(open, DrawerService.cashDelta(draft.lines(), open.glCode()), denominations));
        EntryContext served = EntryContext.serving(session.memberNumber())
                .withInstrument(request.instrument() == null ? null : request.instrument().name())
                .loggedInCall(summary);
        JournalEntry entry = pipeline.post(header, draft, accounts, served);
        List<AccountHold> placed = List.of();
        if (request.type() == EntryType.DEPOSIT && request.tender() == Tender.CHECK) {
            MemberAccount account = accounts.get(request.toAccount());
            placed = holds.place(account, entry, holdPolicy.holdsForCheckDeposit(request.amount(), currentDate), currentDate);
        }
        if (allocation != null) {
            loans.recordPayment(entry, accounts.get(request.loanAccount()), loanBefore, allocation, businessDate);
        }
        String body = results.posted(entry, accounts.values(), placed, allocation, viewer).toString();
        claim.answer(Result.POSTED, body, entry.id());
        return new Outcome(Result.POSTED, body, false);
    }

    private Map<String, MemberAccount> lockAccounts(PostingRequest request) {
        Set<String> numbers = new LinkedHashSet<>();
        Stream.of(request.fromAccount(), request.toAccount(), request.loanAccount())
                .filter(number -> number != null && !number.isBlank())
                .forEach(numbers::add);
        Map<String, MemberAccount> locked = pipeline.lockMemberAccounts(numbers);
        for (String number : numbers) {
            if (!locked.containsKey(number)) {
                throw PostingRefused.refused("ACCOUNT_NOT_FOUND", "No member account has that number.",
                        Map.of("account", number));
            }
        }
        return locked;
    }

    static String requestHash(PostingRequest request, String sessionId, LocalDate requestedDate,
                              DenominationCount denominations) {
        String hash = fieldsHash(request, sessionId, requestedDate, denominations);
        // a posting without a payee hashes as before payees were named
        return request.payee() == null ? hash : Idempotency.hash(hash, "payee", request.payee());
    }

    private static String fieldsHash(PostingRequest request, String sessionId, LocalDate requestedDate,
                                     DenominationCount denominations) {
        return Idempotency.hash(String.valueOf(request.type()), String.valueOf(request.tender()), request.fromAccount(),
                request.toAccount(), request.loanAccount(),
                request.amount() == null ? null : request.amount().toPlainString(),
                String.valueOf(request.instrument()), request.fee() == null ? null : request.fee().toPlainString(),
                String.valueOf(request.feeWaived()), request.memo(), sessionId,
                requestedDate == null ? null : requestedDate.toString(),
                denominations == null ? null : denominations.encode());
    }

    static List<LineDraft> memberLines(EntryDraft draft) {
        return draft.lines().stream().filter(line -> line.account().isMember()).toList();
    }
}
