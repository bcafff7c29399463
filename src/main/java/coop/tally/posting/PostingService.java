package coop.tally.posting;

import coop.tally.caller.CallGate;
import coop.tally.drawer.DenominationCount;
import coop.tally.drawer.Drawer;
import coop.tally.drawer.DrawerService;
import coop.tally.ledger.BusinessDates;
import coop.tally.ledger.EntryDraft;
import coop.tally.ledger.EntryHeader;
import coop.tally.ledger.EntryType;
import coop.tally.ledger.Holds;
import coop.tally.ledger.Journal;
import coop.tally.ledger.JournalEntry;
import coop.tally.ledger.LineDraft;
import coop.tally.ledger.AccountHold;
import coop.tally.member.AccountType;
import coop.tally.member.MemberAccount;
import coop.tally.member.MemberAccounts;
import coop.tally.platform.TallyClock;
import coop.tally.posting.hold.BusinessCalendar;
import coop.tally.posting.hold.CheckHoldPolicy;
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
    private final PostingRules rules = PostingRules.standard();
    private final CheckHoldPolicy holdPolicy = new CheckHoldPolicy(new BusinessCalendar());

    @Inject
    Idempotency idempotency;

    @Inject
    MemberAccounts memberAccounts;

    @Inject
    Journal journal;

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
    CallGate callGate;

    @Inject
    DrawerService drawers;

    /** Who is posting: the staff member, whether they may waive fees, and the member they themselves are. */
    public record Actor(String username, boolean supervisor, String ownMemberNumber) {
    }

    /** The answer: HTTP status and JSON body, first-time or replayed. */
    public record Outcome(int status, String body, boolean replayed) {
    }

    @Transactional
    public Outcome post(Actor actor, String idempotencyKey, PostingRequest request, String sessionId) {
        return post(actor, idempotencyKey, request, sessionId, null);
    }

    /** As above; {@code denominations}, for CASH, are the notes and coin that crossed the counter (or null). */
    @Transactional
    public Outcome post(Actor actor, String idempotencyKey, PostingRequest request, String sessionId,
                        DenominationCount denominations) {
        String hash = denominations == null ? requestHash(request, sessionId)
                : Idempotency.hash(requestHash(request, sessionId), denominations.encode());
        Idempotency.Claim claim = idempotency.claim(actor.username(), idempotencyKey, hash);
        if (claim.asReplay().isPresent()) {
            return new Outcome(claim.replay().status(), claim.replay().body(), true);
        }
        if (request.feeWaived() && !actor.supervisor()) {
            throw PostingRefused.refused("OVERRIDE_REQUIRED", "Waiving a fee needs a supervisor.", Map.of("policy", "FEE_WAIVER"));
        }
        LocalDate businessDate = businessDates.current();
        Map<String, MemberAccount> accounts = lockAccounts(request);
        // the caller must be verified in this staff member's open call, as the owner of the money, before anything is read or planned
        boolean cash = request.tender() == Tender.CASH;
        callGate.admitPosting(actor.username(), sessionId, SessionScope.of(request, accounts), SessionScope.summary(request), cash);
        // cash goes through the acting rep's own open drawer, locked after the member accounts; none: the planner refuses
        Optional<Drawer> drawer = cash ? drawers.lockForCash(actor.username(), businessDate) : Optional.empty();
        holds.releaseDue(accounts.values(), businessDate);

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
        rules.enforce(PostingFactsBuilder.facts(draft, request.tender(), actor, accounts, Set.of()));
        drawer.ifPresent(open -> drawers.admit(open, DrawerService.cashDelta(draft.lines(), open.glCode()), denominations));

        JournalEntry entry = journal.append(EntryHeader.posting(draft.type(), businessDate, clock.now(), actor.username(),
                sessionId, idempotencyKey, request.memo()), draft, accounts);
        drawer.ifPresent(open -> drawers.posted(open, entry, actor.username(), denominations));
        List<AccountHold> placed = List.of();
        if (request.type() == EntryType.DEPOSIT && request.tender() == Tender.CHECK) {
            MemberAccount account = accounts.get(request.toAccount());
            placed = holds.place(account, entry, holdPolicy.holdsForCheckDeposit(request.amount(), businessDate), businessDate);
        }
        if (allocation != null) {
            loans.recordPayment(entry, accounts.get(request.loanAccount()), loanBefore, allocation, businessDate);
        }
        String body = results.posted(entry, accounts.values(), placed, allocation).toString();
        claim.answer(201, body, entry.id());
        return new Outcome(201, body, false);
    }

    private Map<String, MemberAccount> lockAccounts(PostingRequest request) {
        Set<String> numbers = new LinkedHashSet<>();
        Stream.of(request.fromAccount(), request.toAccount(), request.loanAccount())
                .filter(number -> number != null && !number.isBlank())
                .forEach(numbers::add);
        Map<String, MemberAccount> locked = memberAccounts.lockForPosting(numbers);
        for (String number : numbers) {
            if (!locked.containsKey(number)) {
                throw PostingRefused.refused("ACCOUNT_NOT_FOUND", "No member account has that number.",
                        Map.of("account", number));
            }
        }
        return locked;
    }

    static String requestHash(PostingRequest request, String sessionId) {
        return Idempotency.hash(String.valueOf(request.type()), String.valueOf(request.tender()), request.fromAccount(),
                request.toAccount(), request.loanAccount(),
                request.amount() == null ? null : request.amount().toPlainString(),
                String.valueOf(request.instrument()), request.fee() == null ? null : request.fee().toPlainString(),
                String.valueOf(request.feeWaived()), request.memo(), sessionId);
    }

    static List<LineDraft> memberLines(EntryDraft draft) {
        return draft.lines().stream().filter(line -> line.account().isMember()).toList();
    }
}
