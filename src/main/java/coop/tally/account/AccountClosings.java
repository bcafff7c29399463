package coop.tally.account;

import coop.tally.approval.ApprovalKind;
import coop.tally.approval.Approvals;
import coop.tally.approval.PendingApprovals;
import coop.tally.approval.PolicyDecision;
import coop.tally.caller.CallEvent;
import coop.tally.caller.CallGate;
import coop.tally.caller.CallService;
import coop.tally.caller.MemberAction;
import coop.tally.ledger.AccountRef;
import coop.tally.ledger.BusinessDates;
import coop.tally.ledger.EntryContext;
import coop.tally.ledger.EntryDraft;
import coop.tally.ledger.EntryHeader;
import coop.tally.ledger.EntryType;
import coop.tally.ledger.GlAccounts;
import coop.tally.ledger.Holds;
import coop.tally.ledger.JournalPipeline;
import coop.tally.ledger.LineDraft;
import coop.tally.member.AccountStatus;
import coop.tally.member.AccountType;
import coop.tally.member.MemberAccount;
import coop.tally.member.MemberAccounts;
import coop.tally.money.Money;
import coop.tally.platform.Refusal;
import coop.tally.platform.TallyClock;
import coop.tally.posting.Idempotency;
import coop.tally.posting.PostingService;
import coop.tally.posting.plan.PostingRequest;
import coop.tally.posting.rule.Tender;
import coop.tally.web.JsonBuilders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Closes an account of the member verified (STRONG) in the rep's current call or visit, in one
 * transaction: the preconditions ({@link ClosePreconditions}), a certificate's early-withdrawal
 * penalty (its own journal entry), the payout of what is left through the posting service (a
 * transfer, an official check mailed to the address on file, or cash in a visit), and the status.
 * A penalty the rep asks to waive waits for a supervisor as an {@code ACCOUNT_CLOSE} override;
 * approved, the closing runs as its maker, in the maker's call, with every rule checked again.
 */
@ApplicationScoped
public class AccountClosings {

    static final String PENALTY_WAIVER = "PENALTY_WAIVER";

    @Inject
    CallService calls;

    @Inject
    CallGate callGate;

    @Inject
    MemberAccounts accounts;

    @Inject
    JournalPipeline pipeline;

    @Inject
    Holds holds;

    @Inject
    AccountRecords records;

    @Inject
    PendingApprovals pending;

    @Inject
    Approvals approvals;

    @Inject
    PostingService postings;

    @Inject
    BusinessDates businessDates;

    @Inject
    TallyClock clock;

    /** What the rep asks: how the balance leaves, where to (TRANSFER), and whether to ask for the penalty's waiver. */
    public record CloseRequest(String accountNumber, Payout payout, String toAccount, boolean waivePenalty) {
    }

    /** A supervisor's approval the closing runs under, and the override reasons it covers. */
    public record Approved(long approvalId, String approver, Set<String> coveredReasons) {
    }

    /**
     * The payout needs a supervisor's override (a limit, say): the closing's transaction rolls back,
     * and the boundary asks for the closing itself to be approved ({@link #askForOverride}).
     */
    public static final class PayoutNeedsOverride extends Refusal {
        private final transient List<PolicyDecision> reasons;

        PayoutNeedsOverride(String account, List<PolicyDecision> reasons) {
            super(Kind.RULES, "PAYOUT_NEEDS_OVERRIDE", "Paying the balance out this way needs a supervisor's override.",
                    Map.of("account", account));
            this.reasons = List.copyOf(reasons);
        }

        public List<PolicyDecision> reasons() {
            return reasons;
        }
    }

    /** Closed (or closed before, for a repeated request), or waiting for a supervisor's waiver. */
    public record Outcome(AccountClosing closing, Approvals.View awaiting, boolean replayed) {
    }

    @Transactional
    public Outcome close(PostingService.Actor actor, String idempotencyKey, CloseRequest request) {
        Optional<AccountClosing> earlier = records.closing(request.accountNumber())
                .filter(closing -> closing.closedBy().equals(actor.username()) && closing.idempotencyKey().equals(idempotencyKey));
        if (earlier.isPresent()) {
            return new Outcome(earlier.get(), null, true);
        }
        return closeAs(actor, idempotencyKey, request, null, List.of());
    }

    /**
     * After {@link PayoutNeedsOverride}: checks the closing again and raises one {@code ACCOUNT_CLOSE}
     * approval covering the payout's override reasons (and the penalty's waiver, if asked).
     */
    @Transactional
    public Outcome askForOverride(PostingService.Actor actor, String idempotencyKey, CloseRequest request,
                                  List<PolicyDecision> payoutReasons) {
        return closeAs(actor, idempotencyKey, request, null, payoutReasons);
    }

    /** Runs an approved closing as its maker, in a transaction of its own (the approval queue's executor). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outcome closeApproved(PostingService.Actor maker, String idempotencyKey, CloseRequest request, Approved approval) {
        Optional<AccountClosing> earlier = records.closing(request.accountNumber())
                .filter(closing -> approval.approvalId() == Optional.ofNullable(closing.approvalId()).orElse(-1L));
        if (earlier.isPresent()) {
            return new Outcome(earlier.get(), null, true);
        }
        return closeAs(maker, idempotencyKey, request, approval, List.of());
    }

    private Outcome closeAs(PostingService.Actor actor, String idempotencyKey, CloseRequest request, Approved approval,
                            List<PolicyDecision> overrides) {
        String memberNumber = calls.current(actor.username()).map(view -> view.call().memberNumber()).orElse(null);
        Set<String> numbers = new LinkedHashSet<>(List.of(request.accountNumber()));
        if (request.toAccount() != null) {
            numbers.add(request.toAccount());
        }
        Map<String, MemberAccount> locked = pipeline.lockMemberAccounts(numbers);
        MemberAccount account = locked.get(request.accountNumber());
        if (memberNumber == null || account == null || !account.member().memberNumber().equals(memberNumber)) {
            // admission first: without a verified session the answer says so, not whether the account exists
            callGate.admitMemberAction(actor.username(), memberNumber == null ? "" : memberNumber, MemberAction.ACCOUNT_CLOSING,
                    CallEvent.Type.ACCOUNT_CLOSED, "closing refused");
            throw Refusal.notFound("ACCOUNT_NOT_FOUND", "The member of this call has no account with that number.");
        }
        MemberAccount target = request.toAccount() == null ? null : locked.get(request.toAccount());
        if (request.toAccount() != null && (target == null || !target.member().memberNumber().equals(memberNumber))) {
            throw new Refusal(Refusal.Kind.RULES, "PAYOUT_ACCOUNT_INVALID", "The balance goes to another of the member's own accounts.",
                    Map.of("field", "toAccount"));
        }
        LocalDate today = businessDates.current();
        holds.releaseDue(List.of(account), today);
        List<AccountType> otherOpen = accounts.ofMember(memberNumber).stream()
                .filter(other -> !other.accountNumber().equals(account.accountNumber()) && other.status() != AccountStatus.CLOSED)
                .map(MemberAccount::type).toList();
        ClosePreconditions.check(new ClosePreconditions.Facts(account.accountNumber(), account.type(), account.status(),
                account.ledgerBalance(), account.holds(),
                approval == null && pending.mentions(memberNumber, account.accountNumber()), otherOpen));
        Money penalty = penaltyOf(account, today);
        boolean waived = request.waivePenalty() && penalty.isPositive();
        Payout payout = checkPayout(request, account, penalty, waived);
        if ((waived || !overrides.isEmpty()) && approval == null) {
            List<PolicyDecision> reasons = new java.util.ArrayList<>(overrides);
            if (waived) {
                reasons.add(PolicyDecision.override(PENALTY_WAIVER, "Waiving a certificate's early-withdrawal penalty needs a supervisor."));
            }
            return new Outcome(null, askForApproval(actor, idempotencyKey, request, memberNumber, penalty, reasons), false);
        }
        if (waived && !approval.coveredReasons().contains(PENALTY_WAIVER)) {
            throw new Refusal(Refusal.Kind.RULES, "OVERRIDE_NOT_COVERED", "The approval did not waive the penalty.");
        }
        String callId = callGate.admitMemberAction(actor.username(), memberNumber, MemberAction.ACCOUNT_CLOSING,
                CallEvent.Type.ACCOUNT_CLOSED, "closed " + account.accountNumber() + ", payout " + payout
                        + (request.toAccount() == null ? "" : " to " + request.toAccount())
                        + (penalty.isPositive() ? (waived ? ", penalty " + penalty.toPlainString() + " waived by " + approval.approver()
                        : ", penalty " + penalty.toPlainString()) : ""));
        String keyHash = Idempotency.hash(actor.username(), idempotencyKey);
        if (penalty.isPositive() && !waived) {
            EntryHeader header = EntryHeader.posting(EntryType.EARLY_WITHDRAWAL_PENALTY, today, clock.now(), actor.username(),
                    callId, "penalty-" + keyHash, "early-withdrawal penalty of " + account.accountNumber());
            pipeline.post(header, EntryDraft.of(EntryType.EARLY_WITHDRAWAL_PENALTY,
                            LineDraft.debit(AccountRef.member(account.accountNumber()), penalty),
                            LineDraft.credit(AccountRef.gl(GlAccounts.FEE_INCOME), penalty)),
                    locked, EntryContext.serving(memberNumber).loggedInCall("early-withdrawal penalty " + penalty.toPlainString()
                            + " on " + account.accountNumber()));
        }
        Money rest = account.ledgerBalance();
        if (rest.isPositive()) {
            PostingService.Outcome paid = postings.postForDesk(actor, "closing-" + keyHash, payoutOf(payout, account, request, rest),
                    callId, account.accountNumber(), approval == null ? null
                            : new PostingService.ApprovedBy(approval.approvalId(), approval.approver(), approval.coveredReasons()));
            if (paid.result() != PostingService.Result.POSTED) {
                throw new PayoutNeedsOverride(account.accountNumber(), reasonsOf(paid.body()));
            }
        }
        account.close(today);
        AccountClosing closing = new AccountClosing(account.accountNumber(), actor.username(), callId, idempotencyKey, payout,
                request.toAccount(), rest, penalty, waived, approval == null ? null : approval.approvalId(), clock.now());
        records.add(closing);
        return new Outcome(closing, null, false);
    }

    private Approvals.View askForApproval(PostingService.Actor actor, String idempotencyKey, CloseRequest request,
                                          String memberNumber, Money penalty, List<PolicyDecision> reasons) {
        String why = String.join(", ", reasons.stream().map(PolicyDecision::reason).toList());
        String callId = callGate.admitMemberAction(actor.username(), memberNumber, MemberAction.ACCOUNT_CLOSING,
                CallEvent.Type.APPROVAL_OUTCOME, "closing " + request.accountNumber() + " asked of a supervisor: " + why);
        var payload = JsonBuilders.JSON.createObjectBuilder()
                .add("account", request.accountNumber())
                .add("payout", request.payout().name())
                .add("penalty", penalty.toPlainString())
                .add("waivePenalty", request.waivePenalty())
                .add("idempotencyKey", idempotencyKey);
        if (request.toAccount() != null) {
            payload.add("toAccount", request.toAccount());
        }
        return approvals.request(ApprovalKind.ACCOUNT_CLOSE, actor.username(), callId, memberNumber,
                "Close " + request.accountNumber() + " (" + why + ")", payload.build(), reasons,
                JsonBuilders.JSON.createArrayBuilder().build());
    }

    /** The override reasons of a posting answered 202: its approval's reasons. */
    private static List<PolicyDecision> reasonsOf(String awaitingBody) {
        try (var reader = JsonBuilders.JSON.createReader(new java.io.StringReader(awaitingBody))) {
            return reader.readObject().getJsonObject("approval").getJsonArray("reasons").getValuesAs(jakarta.json.JsonObject.class)
                    .stream().map(reason -> PolicyDecision.override(reason.getString("reason"), reason.getString("message"))).toList();
        }
    }

    /** The penalty of a certificate closed before maturity, by its term (for a converted certificate, opening to maturity). */
    private Money penaltyOf(MemberAccount account, LocalDate today) {
        if (account.type() != AccountType.CERTIFICATE || account.maturityDate() == null) {
            return Money.ZERO;
        }
        int term = records.opening(account.accountNumber()).map(AccountOpening::termMonths)
                .orElseGet(() -> (int) Math.max(1, ChronoUnit.MONTHS.between(account.openedOn(), account.maturityDate())));
        return EarlyWithdrawalPenalty.of(term, account.annualRate(), account.ledgerBalance(), today, account.maturityDate());
    }

    private static Payout checkPayout(CloseRequest request, MemberAccount account, Money penalty, boolean waived) {
        Money rest = waived ? account.ledgerBalance() : account.ledgerBalance().minus(penalty);
        Payout payout = request.payout() == null ? Payout.NONE : request.payout();
        if (rest.isPositive() && payout == Payout.NONE) {
            throw Refusal.invalid("PAYOUT_REQUIRED", "The account holds money: say how it leaves (TRANSFER, OFFICIAL_CHECK or CASH).",
                    Map.of("field", "payout"));
        }
        if ((payout == Payout.TRANSFER) != (request.toAccount() != null)) {
            throw Refusal.invalid(payout == Payout.TRANSFER ? "FIELD_REQUIRED" : "FIELD_NOT_ALLOWED",
                    "A transfer payout names the toAccount; the other payouts do not.", Map.of("field", "toAccount"));
        }
        if (payout == Payout.TRANSFER && request.toAccount().equals(account.accountNumber())) {
            throw Refusal.invalid("FIELD_INVALID", "The balance goes to another of the member's accounts.", Map.of("field", "toAccount"));
        }
        return rest.isPositive() ? payout : Payout.NONE;
    }

    private static PostingRequest payoutOf(Payout payout, MemberAccount account, CloseRequest request, Money amount) {
        String memo = "closing of " + account.accountNumber();
        return switch (payout) {
            case TRANSFER -> new PostingRequest(EntryType.TRANSFER, null, account.accountNumber(), request.toAccount(), null,
                    amount, null, null, false, memo);
            case OFFICIAL_CHECK -> new PostingRequest(EntryType.WITHDRAWAL, Tender.OFFICIAL_CHECK, account.accountNumber(), null,
                    null, amount, null, null, false, memo);
            case CASH -> new PostingRequest(EntryType.WITHDRAWAL, Tender.CASH, account.accountNumber(), null, null, amount,
                    null, null, false, memo);
            case NONE -> throw new IllegalStateException("no payout for a balance of " + amount);
        };
    }
}
