package coop.tally.account;

import coop.tally.caller.CallEvent;
import coop.tally.caller.CallGate;
import coop.tally.caller.CallService;
import coop.tally.caller.MemberAction;
import coop.tally.ledger.BusinessDates;
import coop.tally.ledger.EntryType;
import coop.tally.member.AccountOpened;
import coop.tally.member.AccountType;
import coop.tally.member.Member;
import coop.tally.member.MemberAccount;
import coop.tally.member.MemberAccounts;
import coop.tally.member.MemberService;
import coop.tally.money.Money;
import coop.tally.platform.Refusal;
import coop.tally.platform.TallyClock;
import coop.tally.posting.Idempotency;
import coop.tally.posting.PostingService;
import coop.tally.posting.plan.PostingRequest;
import coop.tally.posting.rule.Tender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Opens a share, share draft or certificate for the member verified (STRONG) in the rep's current
 * call or visit, and posts its opening deposit through the posting service like any deposit (or,
 * funded from another of the member's accounts, like any transfer): the drawer, BSA records,
 * check holds, override policies and the journal work as for every posting. All in one transaction:
 * a refused deposit opens nothing.
 */
@ApplicationScoped
public class AccountOpenings {

    @Inject
    CallService calls;

    @Inject
    CallGate callGate;

    @Inject
    MemberService members;

    @Inject
    MemberAccounts accounts;

    @Inject
    AccountRecords records;

    @Inject
    PostingService postings;

    @Inject
    BusinessDates businessDates;

    @Inject
    TallyClock clock;

    @Inject
    Event<AccountOpened> opened;

    /**
     * What the rep asks for. {@code terms} only for a certificate.
     *
     * @param tender      how the opening deposit arrives: CASH, CHECK or ACCOUNT (a transfer from {@code fromAccount})
     */
    public record OpenRequest(AccountType type, CertificateTerms terms, boolean renewAtMaturity, Tender tender,
                              String fromAccount, Money amount) {
    }

    /** The account opened (or, for a repeated request, opened before) and what became of its deposit. */
    public record Opened(AccountOpening opening, MemberAccount account, PostingService.Outcome deposit, boolean replayed) {
    }

    @Transactional
    public Opened open(PostingService.Actor actor, String idempotencyKey, OpenRequest request) {
        Optional<AccountOpening> earlier = records.openingByKey(actor.username(), idempotencyKey);
        if (earlier.isPresent()) {
            return new Opened(earlier.get(), accounts.find(earlier.get().accountNumber()).orElseThrow(), null, true);
        }
        check(request);
        String memberNumber = currentMember(actor.username());
        String number = memberNumber.isEmpty() ? ""
                : AccountNumbering.next(memberNumber, request.type(), accounts.numbersOf(memberNumber));
        String callId = callGate.admitMemberAction(actor.username(), memberNumber, MemberAction.ACCOUNT_OPENING,
                CallEvent.Type.ACCOUNT_OPENED, "opened " + number + " " + request.type() + describeTerms(request));
        Member member = members.findByNumber(memberNumber).orElseThrow();
        LocalDate today = businessDates.current();
        MemberAccount account = request.type() == AccountType.CERTIFICATE
                ? MemberAccount.openCertificate(member, number, today, request.terms().annualRate(), request.terms().maturityFrom(today))
                : MemberAccount.openDeposit(member, number, request.type(), today);
        accounts.add(account);
        AccountOpening opening = new AccountOpening(number, memberNumber, request.type(),
                request.terms() == null ? null : request.terms().termMonths(), request.renewAtMaturity(),
                actor.username(), callId, idempotencyKey, clock.now());
        records.add(opening);
        PostingService.Outcome deposit = postings.postForDesk(actor, "opening-" + Idempotency.hash(actor.username(), idempotencyKey),
                depositOf(request, number), callId, number, null);
        opened.fire(new AccountOpened(memberNumber, number, request.type(), actor.username(), callId, clock.now()));
        return new Opened(opening, account, deposit, false);
    }

    /** Marks an open certificate to renew at maturity for another term (or to pay into the share, {@code renew} false). */
    @Transactional
    public AccountOpening markRenewal(String staff, String accountNumber, boolean renew) {
        String memberNumber = currentMember(staff);
        AccountOpening opening = records.lockOpening(accountNumber)
                .filter(found -> found.memberNumber().equals(memberNumber) && found.type() == AccountType.CERTIFICATE)
                .orElseThrow(() -> Refusal.notFound("CERTIFICATE_NOT_FOUND", "No certificate opened at the desk has that number for this member."));
        MemberAccount certificate = accounts.find(accountNumber).orElseThrow();
        if (certificate.status() == coop.tally.member.AccountStatus.CLOSED) {
            throw Refusal.conflict("ACCOUNT_ALREADY_CLOSED", "The certificate is closed.");
        }
        callGate.admitMemberAction(staff, memberNumber, MemberAction.ACCOUNT_OPENING, CallEvent.Type.NOTE,
                accountNumber + (renew ? " marked to renew at maturity" : " set to pay into the share at maturity"));
        opening.markRenewal(renew);
        return opening;
    }

    private String currentMember(String staff) {
        // none: the call gate's admission answers VERIFICATION_REQUIRED, naming why
        String member = calls.current(staff).map(view -> view.call().memberNumber()).orElse(null);
        return member == null ? "" : member;
    }

    private static void check(OpenRequest request) {
        if (request.type() == AccountType.LOAN) {
            throw Refusal.invalid("TYPE_NOT_OPENED_HERE", "Loans are opened by lending, not at the desk.", Map.of("field", "type"));
        }
        boolean certificate = request.type() == AccountType.CERTIFICATE;
        if (certificate && request.terms() == null) {
            throw Refusal.invalid("FIELD_REQUIRED", "A certificate needs its termMonths and annualRate.", Map.of("field", "termMonths"));
        }
        if (!certificate && (request.terms() != null || request.renewAtMaturity())) {
            throw Refusal.invalid("FIELD_NOT_ALLOWED", "Only a certificate has a term, a rate and a renewal.", Map.of("field", "termMonths"));
        }
        if (request.tender() == Tender.ACCOUNT) {
            if (request.fromAccount() == null || request.fromAccount().isBlank()) {
                throw Refusal.invalid("FIELD_REQUIRED", "A deposit by transfer names the fromAccount.", Map.of("field", "fromAccount"));
            }
        } else if (request.fromAccount() != null) {
            throw Refusal.invalid("FIELD_NOT_ALLOWED", "A fromAccount goes with tender ACCOUNT only.", Map.of("field", "fromAccount"));
        }
    }

    private static PostingRequest depositOf(OpenRequest request, String number) {
        String memo = "opening deposit of " + number;
        if (request.tender() == Tender.ACCOUNT) {
            return new PostingRequest(EntryType.TRANSFER, null, request.fromAccount(), number, null, request.amount(),
                    null, null, false, memo);
        }
        return new PostingRequest(EntryType.DEPOSIT, request.tender(), null, number, null, request.amount(), null, null,
                false, memo);
    }

    private static String describeTerms(OpenRequest request) {
        CertificateTerms terms = request.terms();
        if (terms == null) {
            return "";
        }
        BigDecimal percent = terms.annualRate().movePointRight(2).stripTrailingZeros();
        return ", " + terms.termMonths() + " months at " + percent.toPlainString() + "%"
                + (request.renewAtMaturity() ? ", renews at maturity" : "");
    }
}
