package coop.tally.dayclose;

import coop.tally.dayclose.rule.CloseBlocker;
import coop.tally.dayclose.rule.CloseFacts;
import coop.tally.dayclose.rule.CloseRules;
import coop.tally.drawer.DrawerDayFigures;
import coop.tally.ledger.BusinessDates;
import coop.tally.ledger.DayEnd;
import coop.tally.platform.Refusal;
import coop.tally.platform.TallyClock;
import coop.tally.staff.SecurityLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static coop.tally.web.JsonBuilders.JSON;

/**
 * Closes the current business day under its row lock: checks the preconditions, stores the day's
 * report, and opens the next business day ({@link DayEnd}: the holds due are released, the drawers
 * and the audit's business-day checkpoints are told). Asked again for a day already closed, it
 * answers with that close: two supervisors closing at once close the day once.
 */
@ApplicationScoped
public class DayCloseService {

    private final CloseRules rules = CloseRules.standard();

    @Inject
    BusinessDates businessDates;

    @Inject
    DrawerDayFigures drawers;

    @Inject
    DayReportBuilder reports;

    @Inject
    DayCloses closes;

    @Inject
    DayEnd dayEnd;

    @Inject
    SecurityLog securityLog;

    @Inject
    TallyClock clock;

    /** The close of a day, and whether it was already closed before this request. */
    public record Closed(DayCloses.Stored stored, boolean replayed) {
    }

    @Transactional
    public Closed close(LocalDate businessDate, String supervisor) {
        LocalDate current = businessDates.lockCurrent();
        if (!current.equals(businessDate)) {
            Optional<DayCloses.Stored> earlier = closes.find(businessDate);
            if (earlier.isPresent()) {
                return new Closed(earlier.get(), true);
            }
            throw new Refusal(Refusal.Kind.CONFLICT, "BUSINESS_DATE_NOT_CURRENT", "Only the current business day ("
                    + current + ") can be closed; " + businessDate + " is not it and was not closed.",
                    Map.of("businessDate", current.toString()));
        }
        List<CloseBlocker> blockers = rules.blockers(facts(current));
        if (!blockers.isEmpty()) {
            securityLog.record("BUSINESS_DAY_CLOSE_REFUSED", supervisor, current.toString(),
                    blockers.size() + " holding it back: " + String.join(", ", blockers.stream()
                            .map(b -> b.code() + " " + b.subject().toLowerCase() + " " + b.id()).toList()));
            throw new Refusal(Refusal.Kind.CONFLICT, "BUSINESS_DAY_NOT_READY", "The business day " + current
                    + " cannot close yet: " + blockers.size() + " thing(s) hold it back.",
                    Map.of("businessDate", current.toString(), "blockers", blockers.stream().map(DayCloseService::json).toList()));
        }
        JsonObject report = reports.build(current).build();
        Instant now = clock.now();
        DayEnd.Opened opened = dayEnd.openNextDay(supervisor);
        String text = JSON.createObjectBuilder(report)
                .add("closedBy", supervisor)
                .add("closedAt", now.toString())
                .add("nextBusinessDate", opened.next().toString())
                .add("holdsReleased", opened.holdsReleased())
                .build().toString();
        DayClose close = closes.store(current, opened.next(), now, supervisor, opened.holdsReleased(), text);
        securityLog.record("BUSINESS_DAY_CLOSED", supervisor, current.toString(), "next business day " + opened.next()
                + ", holds released " + opened.holdsReleased() + ", report sha256 " + close.reportSha256());
        return new Closed(new DayCloses.Stored(close, text), false);
    }

    /** The report of a day: as stored at its close, or else as it reads now (a day still open, or advanced without a close). */
    @Transactional
    public Optional<JsonObject> report(LocalDate businessDate) {
        Optional<DayCloses.Stored> stored = closes.find(businessDate);
        if (stored.isPresent()) {
            return Optional.of(JSON.createObjectBuilder(parse(stored.get().report())).add("closed", true).build());
        }
        if (!businessDates.wasOpened(businessDate)) {
            return Optional.empty();
        }
        return Optional.of(reports.build(businessDate).add("closed", false).build());
    }

    public LocalDate currentBusinessDate() {
        return businessDates.current();
    }

    static JsonObject parse(String text) {
        try (var reader = JSON.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private CloseFacts facts(LocalDate businessDate) {
        return new CloseFacts(businessDate, drawers.unclosed().stream()
                .map(d -> new CloseFacts.UnclosedDrawer(d.id(), d.owner(), d.businessDate(), d.state().name()))
                .toList());
    }

    private static Map<String, Object> json(CloseBlocker blocker) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", blocker.code());
        json.put("subject", blocker.subject());
        json.put("id", blocker.id());
        json.put("owner", blocker.owner());
        json.put("message", blocker.message());
        return json;
    }
}
