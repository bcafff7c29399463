package coop.tally.account;

import coop.tally.ledger.AccountRef;
import coop.tally.ledger.BusinessDayOpened;
import coop.tally.ledger.EntryContext;
import coop.tally.ledger.EntryDraft;
import coop.tally.ledger.EntryHeader;
import coop.tally.ledger.EntryType;
import coop.tally.ledger.JournalPipeline;
import coop.tally.ledger.LineDraft;
import coop.tally.member.AccountStatus;
import coop.tally.member.AccountType;
import coop.tally.member.MemberAccount;
import coop.tally.member.MemberAccounts;
import coop.tally.platform.TallyClock;
import coop.tally.staff.SecurityLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * When a business day opens, the certificates opened at the desk that have reached their maturity
 * date either renew for another term at the same rate (when marked to) or pay their balance into
 * the member's share by a TRANSFER entry posted by {@code system}, and close. In the day-opening's
 * transaction: the new day starts with its maturities done. A certificate that still has funds on
 * hold, or whose member has no open share, waits for a later day (and is logged).
 */
@ApplicationScoped
public class CertificateMaturity {

    static final String SYSTEM = "system";
    private static final Logger LOG = Logger.getLogger(CertificateMaturity.class.getName());

    @Inject
    MemberAccounts accounts;

    @Inject
    AccountRecords records;

    @Inject
    JournalPipeline pipeline;

    @Inject
    SecurityLog securityLog;

    @Inject
    TallyClock clock;

    void dayOpened(@Observes BusinessDayOpened opened) {
        LocalDate today = opened.businessDate();
        for (String number : accounts.certificatesMaturingBy(today)) {
            records.lockOpening(number).ifPresent(opening -> mature(opening, today));
        }
    }

    private void mature(AccountOpening opening, LocalDate today) {
        if (opening.renewAtMaturity()) {
            MemberAccount certificate = pipeline.lockMemberAccounts(List.of(opening.accountNumber())).get(opening.accountNumber());
            LocalDate maturity = certificate.maturityDate();
            while (!maturity.isAfter(today)) {
                maturity = CertificateTerms.maturity(maturity, opening.termMonths());
            }
            certificate.renewTo(maturity);
            securityLog.record("CERTIFICATE_RENEWED", SYSTEM, opening.accountNumber(), "renewed for " + opening.termMonths()
                    + " months, to mature on " + maturity);
            return;
        }
        Optional<String> share = accounts.ofMember(opening.memberNumber()).stream()
                .filter(account -> account.type() == AccountType.SHARE && account.status() != AccountStatus.CLOSED)
                .map(MemberAccount::accountNumber).findFirst();
        if (share.isEmpty()) {
            LOG.warning(() -> "certificate " + opening.accountNumber() + " matured but its member has no open share");
            return;
        }
        Map<String, MemberAccount> locked = pipeline.lockMemberAccounts(List.of(opening.accountNumber(), share.get()));
        MemberAccount certificate = locked.get(opening.accountNumber());
        if (certificate.holds().isPositive()) {
            LOG.warning(() -> "certificate " + opening.accountNumber() + " matured with funds on hold; paid out when released");
            return;
        }
        if (certificate.ledgerBalance().isPositive()) {
            EntryHeader header = EntryHeader.posting(EntryType.TRANSFER, today, clock.now(), SYSTEM, null,
                    "maturity-" + opening.accountNumber() + "-" + today, "maturity of " + opening.accountNumber());
            pipeline.post(header, EntryDraft.of(EntryType.TRANSFER,
                            LineDraft.debit(AccountRef.member(opening.accountNumber()), certificate.ledgerBalance()),
                            LineDraft.credit(AccountRef.member(share.get()), certificate.ledgerBalance())),
                    locked, EntryContext.serving(opening.memberNumber()));
        }
        certificate.close(today);
        securityLog.record("CERTIFICATE_MATURED", SYSTEM, opening.accountNumber(), "paid into " + share.get() + " and closed");
    }
}
