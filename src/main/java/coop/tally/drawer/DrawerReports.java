package coop.tally.drawer;

import coop.tally.ledger.GlAccounts;
import coop.tally.money.Money;
import coop.tally.web.JsonBuilders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What drawers look like from outside: one drawer's day, every drawer of a business date for
 * supervisors, a rep's over/short history. The close is blind: no report shows a drawer's
 * expected cash (nor anything to add it up from, such as its movements or GL balance) before the
 * close count is in, to anyone.
 */
@ApplicationScoped
@Transactional
public class DrawerReports {

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    /** A drawer as its rep sees it while it runs, and everyone after: see {@link DrawerReports}. */
    public JsonObject day(Drawer drawer) {
        JsonObjectBuilder json = summary(drawer)
                .add("glAccount", drawer.glCode())
                .add("cashLimit", drawer.cashLimit().toPlainString())
                .add("vaultIssue", drawer.vaultIssue().toPlainString())
                .add("openingCount", count(drawer.openingCount()))
                .add("openingTotal", drawer.openingTotal().toPlainString())
                .add("openedAt", drawer.openedAt().toString());
        if (drawer.isCounted()) {
            JsonArrayBuilder movements = JsonBuilders.JSON.createArrayBuilder();
            for (DrawerMovement movement : movementsOf(drawer)) {
                JsonObjectBuilder line = JsonBuilders.JSON.createObjectBuilder()
                        .add("kind", movement.kind().name())
                        .add("entryId", movement.entryId())
                        .add("direction", movement.in() ? "IN" : "OUT")
                        .add("amount", movement.amount().toPlainString())
                        .add("expectedAfter", movement.expectedAfter().toPlainString())
                        .add("at", movement.occurredAt().toString())
                        .add("staff", movement.staff());
                if (movement.denominations() != null) {
                    line.add("denominations", count(movement.denominations()));
                }
                movements.add(line);
            }
            json.add("movements", movements)
                    .add("closingCount", count(drawer.closingCount()))
                    .add("closingTotal", drawer.closingTotal().toPlainString())
                    .add("expected", drawer.expectedAtCount().toPlainString())
                    .add("countedAt", drawer.countedAt().toString())
                    .add("glBalance", glBalance(drawer.glCode()).toPlainString());
            if (drawer.closedAt() != null) {
                json.add("closedAt", drawer.closedAt().toString());
            }
            if (drawer.closeApprovalId() != null) {
                json.add("closeApproval", drawer.closeApprovalId());
            }
            if (drawer.closeApprovedBy() != null) {
                json.add("closeApprovedBy", drawer.closeApprovedBy()).add("closeReason", drawer.closeReason());
            }
        }
        return json.build();
    }

    /** Every drawer of a business date with its state, over/short and flags, and the vault and over/short GL balances now. */
    public JsonObject ofDate(LocalDate businessDate, String viewer) {
        JsonArrayBuilder drawers = JsonBuilders.JSON.createArrayBuilder();
        em.createQuery("select d from Drawer d where d.businessDate = :date order by d.id", Drawer.class)
                .setParameter("date", businessDate)
                .getResultList()
                .forEach(drawer -> drawers.add(ownUncounted(drawer, viewer) ? summary(drawer)
                        : withFlows(summary(drawer), CashFlows.of(movementsOf(drawer)))));
        return JsonBuilders.JSON.createObjectBuilder()
                .add("businessDate", businessDate.toString())
                .add("drawers", drawers)
                .add("vaultCash", glBalance(GlAccounts.VAULT_CASH).toPlainString())
                .add("cashOverShort", glBalance(GlAccounts.CASH_OVER_SHORT).toPlainString())
                .build();
    }

    /** A supervisor who runs a drawer counts it blind like any rep: their own flows wait for the count. */
    private static boolean ownUncounted(Drawer drawer, String viewer) {
        return drawer.owner().equals(viewer) && !drawer.isCounted();
    }

    /** The supervisor's overview shows what went through each drawer, also while it runs (the rep's count stays blind). */
    private static JsonObjectBuilder withFlows(JsonObjectBuilder json, CashFlows flows) {
        return json.add("cashIn", flows.cashIn().toPlainString())
                .add("cashOut", flows.cashOut().toPlainString())
                .add("vaultIn", flows.vaultIn().toPlainString())
                .add("vaultOut", flows.vaultOut().toPlainString())
                .add("handedIn", flows.handedIn().toPlainString())
                .add("handedOut", flows.handedOut().toPlainString());
    }

    /** A rep's counted drawers, newest first, with their over/short and the total. */
    public JsonObject overShortHistory(String rep) {
        JsonArrayBuilder days = JsonBuilders.JSON.createArrayBuilder();
        Money total = Money.ZERO;
        for (Drawer drawer : em.createQuery("select d from Drawer d where d.owner = :owner and d.overShort is not null"
                + " order by d.businessDate desc, d.id desc", Drawer.class).setParameter("owner", rep).getResultList()) {
            days.add(JsonBuilders.JSON.createObjectBuilder()
                    .add("drawerId", drawer.id())
                    .add("businessDate", drawer.businessDate().toString())
                    .add("state", drawer.state().name())
                    .add("overShort", drawer.overShort().toPlainString()));
            total = total.plus(drawer.overShort());
        }
        return JsonBuilders.JSON.createObjectBuilder()
                .add("rep", rep)
                .add("drawers", days)
                .add("totalOverShort", total.toPlainString())
                .build();
    }

    private JsonObjectBuilder summary(Drawer drawer) {
        JsonObjectBuilder json = JsonBuilders.JSON.createObjectBuilder()
                .add("id", drawer.id())
                .add("owner", drawer.owner())
                .add("businessDate", drawer.businessDate().toString())
                .add("state", drawer.state().name())
                .add("openingDifference", drawer.openingDifference().toPlainString());
        if (drawer.isCounted()) {
            json.add("overShort", drawer.overShort().toPlainString());
        }
        if (drawer.closeApprovalId() != null) {
            json.add("closeApproval", drawer.closeApprovalId());
        }
        JsonArrayBuilder flags = JsonBuilders.JSON.createArrayBuilder();
        em.createQuery("select f from DrawerFlag f where f.drawerId = :id order by f.id", DrawerFlag.class)
                .setParameter("id", drawer.id())
                .getResultList()
                .forEach(flag -> flags.add(JsonBuilders.JSON.createObjectBuilder()
                        .add("flag", flag.kind().name())
                        .add("raisedAt", flag.raisedAt().toString())
                        .add("detail", flag.detail() == null ? "" : flag.detail())));
        return json.add("flags", flags);
    }

    private List<DrawerMovement> movementsOf(Drawer drawer) {
        return em.createQuery("select m from DrawerMovement m where m.drawerId = :id order by m.id", DrawerMovement.class)
                .setParameter("id", drawer.id())
                .getResultList();
    }

    static JsonObjectBuilder count(DenominationCount count) {
        JsonObjectBuilder json = JsonBuilders.JSON.createObjectBuilder();
        for (Map.Entry<Denomination, Long> entry : count.pieces().entrySet()) {
            json.add(entry.getKey().key(), entry.getValue());
        }
        return json;
    }

    /** Debits minus credits of a GL account, from the journal lines. */
    Money glBalance(String code) {
        Object[] sums = (Object[]) em.createNativeQuery("SELECT"
                        + " SUM(CASE WHEN side = 'D' THEN amount ELSE 0 END), SUM(CASE WHEN side = 'C' THEN amount ELSE 0 END)"
                        + " FROM journal_line WHERE gl_code = ?")
                .setParameter(1, code)
                .getSingleResult();
        return Money.of(decimal(sums[0]).subtract(decimal(sums[1])));
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? BigDecimal.ZERO.setScale(2) : new BigDecimal(value.toString()).setScale(2);
    }
}
