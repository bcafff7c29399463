package coop.tally.dayclose;

import coop.tally.bsa.BsaReviews;
import coop.tally.bsa.CashMovement;
import coop.tally.bsa.CurrencyTransactionReport;
import coop.tally.caller.CallGate;
import coop.tally.caller.PhotoId;
import coop.tally.member.Member;
import coop.tally.member.MemberAddress;
import coop.tally.member.MemberPhone;
import coop.tally.member.MemberService;
import coop.tally.money.Money;
import coop.tally.platform.TallyClock;
import coop.tally.staff.SecurityLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The CTRs of a business day for filing, as CSV; each export is written to the security log. */
@ApplicationScoped
public class CtrExport {

    private static final int MAX = 10_000;

    @Inject
    BsaReviews bsa;

    @Inject
    MemberService members;

    @Inject
    CallGate callGate;

    @Inject
    SecurityLog securityLog;

    @Inject
    TallyClock clock;

    @Transactional
    public String csv(LocalDate businessDate, String exportedBy) {
        List<CtrCsv.Row> rows = bsa.ctrs("%", businessDate, businessDate, MAX).stream()
                .sorted(Comparator.comparing(CurrencyTransactionReport::id))
                .map(this::row)
                .toList();
        Instant now = clock.now();
        securityLog.record("CTR_EXPORTED", exportedBy, businessDate.toString(), rows.size() + " CTR(s): "
                + rows.stream().map(r -> String.valueOf(r.ctrId())).collect(Collectors.joining(",")));
        return CtrCsv.write(businessDate, rows, now, exportedBy);
    }

    private CtrCsv.Row row(CurrencyTransactionReport report) {
        List<CashMovement> movements = bsa.movementsOf(report);
        Money total = Money.ZERO;
        Set<String> staff = new LinkedHashSet<>();
        PhotoId photoId = null;
        for (CashMovement movement : movements) {
            total = total.plus(movement.amount());
            staff.add(movement.staff());
            if (movement.approvedBy() != null) {
                staff.add(movement.approvedBy());
            }
            if (photoId == null) {
                photoId = callGate.photoIdOf(movement.sessionId()).orElse(null);
            }
        }
        boolean in = "IN".equals(report.direction());
        Optional<Member> member = members.findByNumber(report.memberNumber());
        MemberAddress address = member.flatMap(m -> m.addresses().stream().findFirst()).orElse(null);
        String phone = member.flatMap(m -> m.phones().stream().findFirst()).map(MemberPhone::number).orElse(null);
        return new CtrCsv.Row(report.id(), report.businessDate(), report.direction(),
                in ? total.toPlainString() : "", in ? "" : total.toPlainString(), report.memberNumber(),
                member.map(Member::lastName).orElse(null), member.map(Member::firstName).orElse(null),
                member.map(Member::dateOfBirth).orElse(null),
                address == null ? null : address.line2() == null || address.line2().isBlank()
                        ? address.line1() : address.line1() + ", " + address.line2(),
                address == null ? null : address.city(), address == null ? null : address.state(),
                address == null ? null : address.zip(), member.map(Member::ssnLastFour).orElse(null),
                phone, member.map(Member::email).orElse(null),
                photoId == null ? null : photoId.type().name(), photoId == null ? null : photoId.last4(),
                photoId == null ? null : photoId.expires(), movements.size(),
                movements.stream().map(m -> String.valueOf(m.entryId())).collect(Collectors.joining(" ")),
                String.join(" ", staff));
    }
}
