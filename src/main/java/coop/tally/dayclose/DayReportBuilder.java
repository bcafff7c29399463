package coop.tally.dayclose;

import coop.tally.approval.Approvals;
import coop.tally.bsa.BsaReviews;
import coop.tally.bsa.CashMovement;
import coop.tally.bsa.CurrencyTransactionReport;
import coop.tally.drawer.DrawerDayFigures;
import coop.tally.drawer.DrawerState;
import coop.tally.ledger.DayLedger;
import coop.tally.ledger.JournalEntry;
import coop.tally.ledger.JournalLine;
import coop.tally.ledger.Side;
import coop.tally.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import static coop.tally.web.JsonBuilders.JSON;

/**
 * The report of one business day, read from the ledger, the drawers, the BSA records and the
 * approvals: the trial balance through the day, each drawer's cash, the day's CTRs, official checks
 * bought with cash and structuring alerts, the overrides carried out and the reversals with their
 * reasons. Amounts are decimal strings as everywhere in the API.
 */
@ApplicationScoped
public class DayReportBuilder {

    private static final int MAX_CTRS = 10_000;

    @Inject
    DayLedger ledger;

    @Inject
    DrawerDayFigures drawers;

    @Inject
    BsaReviews bsa;

    @Inject
    Approvals approvals;

    @Transactional(Transactional.TxType.REQUIRED)
    public JsonObjectBuilder build(LocalDate businessDate) {
        return JSON.createObjectBuilder()
                .add("businessDate", businessDate.toString())
                .add("trialBalance", trialBalance(businessDate))
                .add("drawers", drawers(businessDate))
                .add("ctrs", ctrs(businessDate))
                .add("instrumentPurchases", instrumentPurchases(businessDate))
                .add("structuringAlerts", structuringAlerts(businessDate))
                .add("overrides", overrides(businessDate))
                .add("reversals", reversals(businessDate));
    }

    private JsonObject trialBalance(LocalDate businessDate) {
        List<Long> uncounted = drawers.unclosed().stream()
                .filter(d -> d.state() == DrawerState.OPEN && !d.businessDate().isAfter(businessDate))
                .map(DrawerDayFigures.Unclosed::id).toList();
        if (!uncounted.isEmpty()) {
            // a drawer's cash account is its expected cash: never shown before its count (the close is blind)
            return JSON.createObjectBuilder()
                    .add("through", businessDate.toString())
                    .add("withheld", "Not shown while drawer(s) " + uncounted.stream().map(String::valueOf)
                            .collect(Collectors.joining(", ")) + " are open: a drawer's cash account is its expected cash,"
                            + " which the blind close shows only after the count.")
                    .build();
        }
        JsonArrayBuilder accounts = JSON.createArrayBuilder();
        Money debits = Money.ZERO;
        Money credits = Money.ZERO;
        for (DayLedger.GlTotal total : ledger.trialBalance(businessDate)) {
            Money debitBalance = total.debits().minus(total.credits());
            accounts.add(JSON.createObjectBuilder()
                    .add("code", total.code())
                    .add("name", total.name())
                    .add("normalSide", total.normalSide())
                    .add("debits", total.debits().toPlainString())
                    .add("credits", total.credits().toPlainString())
                    // on the account's normal side: an asset's debit balance, a liability's credit balance
                    .add("balance", ("D".equals(total.normalSide()) ? debitBalance : debitBalance.negate()).toPlainString()));
            debits = debits.plus(total.debits());
            credits = credits.plus(total.credits());
        }
        return JSON.createObjectBuilder()
                .add("through", businessDate.toString())
                .add("accounts", accounts)
                .add("totalDebits", debits.toPlainString())
                .add("totalCredits", credits.toPlainString())
                .add("balanced", debits.equals(credits))
                .build();
    }

    private JsonArrayBuilder drawers(LocalDate businessDate) {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        for (DrawerDayFigures.Line line : drawers.of(businessDate)) {
            JsonObjectBuilder item = JSON.createObjectBuilder()
                    .add("id", line.id())
                    .add("owner", line.owner())
                    .add("state", line.state().name())
                    .add("vaultIssue", line.vaultIssue().toPlainString())
                    .add("opening", line.opening().toPlainString());
            addMoney(item, "cashIn", line.cashIn());
            addMoney(item, "cashOut", line.cashOut());
            addMoney(item, "vaultIn", line.vaultIn());
            addMoney(item, "vaultOut", line.vaultOut());
            addMoney(item, "handedIn", line.handedIn());
            addMoney(item, "handedOut", line.handedOut());
            addMoney(item, "expected", line.expected());
            addMoney(item, "counted", line.counted());
            addMoney(item, "overShort", line.overShort());
            if (line.approvedBy() != null) {
                item.add("approvedBy", line.approvedBy());
            }
            items.add(item);
        }
        return items;
    }

    private JsonArrayBuilder ctrs(LocalDate businessDate) {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        List<CurrencyTransactionReport> reports = bsa.ctrs("%", businessDate, businessDate, MAX_CTRS).stream()
                .sorted(Comparator.comparing(CurrencyTransactionReport::id)).toList();
        for (CurrencyTransactionReport report : reports) {
            Money total = Money.ZERO;
            JsonArrayBuilder entries = JSON.createArrayBuilder();
            for (CashMovement movement : bsa.movementsOf(report)) {
                total = total.plus(movement.amount());
                entries.add(movement.entryId());
            }
            items.add(JSON.createObjectBuilder()
                    .add("id", report.id())
                    .add("memberNumber", report.memberNumber())
                    .add("direction", report.direction())
                    .add("total", total.toPlainString())
                    .add("entryIds", entries));
        }
        return items;
    }

    private JsonArrayBuilder instrumentPurchases(LocalDate businessDate) {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        bsa.instrumentPurchasesOn(businessDate).forEach(p -> items.add(JSON.createObjectBuilder()
                .add("id", p.id()).add("entryId", p.entryId()).add("memberNumber", p.memberNumber())
                .add("instrument", p.instrument()).add("amount", p.amount().toPlainString())
                .add("buyerIdentifiedBy", p.buyerIdentifiedBy()).add("postedBy", p.staff())));
        return items;
    }

    private JsonArrayBuilder structuringAlerts(LocalDate businessDate) {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        bsa.structuringAlertsOn(businessDate).forEach(a -> items.add(JSON.createObjectBuilder()
                .add("id", a.id()).add("memberNumber", a.memberNumber()).add("entryIds", a.entryIds())));
        return items;
    }

    private JsonArrayBuilder overrides(LocalDate businessDate) {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        for (JournalEntry entry : ledger.approvedOn(businessDate)) {
            JsonObjectBuilder item = JSON.createObjectBuilder()
                    .add("approvalId", entry.approvalId())
                    .add("entryId", entry.id())
                    .add("type", entry.type().name())
                    .add("amount", amountOf(entry).toPlainString())
                    .add("postedBy", entry.postedBy())
                    .add("approvedBy", entry.approvedBy() == null ? "" : entry.approvedBy());
            approvals.find(entry.approvalId()).ifPresent(view -> item
                    .add("summary", view.request().summary())
                    .add("reasons", view.request().reasons()));
            items.add(item);
        }
        return items;
    }

    private JsonArrayBuilder reversals(LocalDate businessDate) {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        for (JournalEntry entry : ledger.reversalsOn(businessDate)) {
            JsonObjectBuilder item = JSON.createObjectBuilder()
                    .add("entryId", entry.id())
                    .add("reversesEntryId", entry.reversesEntryId())
                    .add("reason", entry.reasonCode() == null ? "" : entry.reasonCode())
                    .add("amount", amountOf(entry).toPlainString())
                    .add("postedBy", entry.postedBy());
            if (entry.approvedBy() != null) {
                item.add("approvedBy", entry.approvedBy());
            }
            items.add(item);
        }
        return items;
    }

    /** What an entry moved: the sum of its debit lines. */
    private static Money amountOf(JournalEntry entry) {
        Money total = Money.ZERO;
        for (JournalLine line : entry.lines()) {
            if (line.side() == Side.DEBIT) {
                total = total.plus(line.amount());
            }
        }
        return total;
    }

    private static void addMoney(JsonObjectBuilder json, String name, Money amount) {
        if (amount != null) {
            json.add(name, amount.toPlainString());
        }
    }
}
