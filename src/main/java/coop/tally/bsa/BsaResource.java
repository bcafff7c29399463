package coop.tally.bsa;

import coop.tally.platform.Dates;
import coop.tally.platform.Refusal;
import coop.tally.web.JsonBuilders;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Bank Secrecy Act records for review: CTRs, official check buyers, structuring alerts. SUPERVISOR and AUDITOR. */
@Path("bsa")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"SUPERVISOR", "AUDITOR"})
@Transactional
public class BsaResource {

    private static final int MAX = 500;

    @Inject
    BsaReviews reviews;

    @GET
    @Path("ctrs")
    @Operation(summary = "Currency Transaction Report records, newest first, each with the day's cash transactions and the staff involved")
    public JsonObject ctrs(@QueryParam("member") String member, @QueryParam("from") String from, @QueryParam("to") String to) {
        List<CurrencyTransactionReport> reports = reviews.ctrs(memberPattern(member),
                date("from", from, LocalDate.of(1900, 1, 1)), date("to", to, LocalDate.of(9999, 12, 31)), MAX);
        JsonArrayBuilder items = JsonBuilders.JSON.createArrayBuilder();
        for (CurrencyTransactionReport report : reports) {
            List<CashMovement> movements = reviews.movementsOf(report);
            JsonArrayBuilder transactions = JsonBuilders.JSON.createArrayBuilder();
            Set<String> staff = new LinkedHashSet<>();
            coop.tally.money.Money total = coop.tally.money.Money.ZERO;
            for (CashMovement movement : movements) {
                total = total.plus(movement.amount());
                staff.add(movement.staff());
                if (movement.approvedBy() != null) {
                    staff.add(movement.approvedBy());
                }
                JsonObjectBuilder item = JsonBuilders.JSON.createObjectBuilder()
                        .add("entryId", movement.entryId())
                        .add("type", movement.entryType())
                        .add("amount", movement.amount().toPlainString())
                        .add("postedBy", movement.staff());
                if (movement.approvedBy() != null) {
                    item.add("approvedBy", movement.approvedBy());
                }
                transactions.add(item);
            }
            JsonArrayBuilder staffArray = JsonBuilders.JSON.createArrayBuilder();
            staff.forEach(staffArray::add);
            items.add(JsonBuilders.JSON.createObjectBuilder()
                    .add("id", report.id())
                    .add("memberNumber", report.memberNumber())
                    .add("businessDate", report.businessDate().toString())
                    .add("direction", report.direction())
                    .add("total", total.toPlainString())
                    .add("createdAt", report.createdAt().toString())
                    .add("triggeredByEntry", report.triggeredByEntry())
                    .add("transactions", transactions)
                    .add("staff", staffArray));
        }
        return JsonBuilders.JSON.createObjectBuilder().add("items", items).build();
    }

    @GET
    @Path("instrument-purchases")
    @Operation(summary = "Official checks bought with 3,000.00-10,000.00 in cash, with the buyer's identification")
    public JsonObject instrumentPurchases(@QueryParam("member") String member) {
        JsonArrayBuilder items = JsonBuilders.JSON.createArrayBuilder();
        reviews.instrumentPurchases(memberPattern(member), MAX).forEach(p -> items.add(JsonBuilders.JSON.createObjectBuilder()
                        .add("id", p.id()).add("entryId", p.entryId()).add("memberNumber", p.memberNumber())
                        .add("businessDate", p.businessDate().toString()).add("instrument", p.instrument())
                        .add("amount", p.amount().toPlainString()).add("buyerIdentifiedBy", p.buyerIdentifiedBy())
                        .add("postedBy", p.staff()).add("recordedAt", p.recordedAt().toString())));
        return JsonBuilders.JSON.createObjectBuilder().add("items", items).build();
    }

    @GET
    @Path("structuring-alerts")
    @Operation(summary = "Cash deposits just under 10,000.00 repeated within 3 business days, for review")
    public JsonObject structuringAlerts(@QueryParam("member") String member) {
        JsonArrayBuilder items = JsonBuilders.JSON.createArrayBuilder();
        reviews.structuringAlerts(memberPattern(member), MAX).forEach(a -> {
                    JsonArrayBuilder entries = JsonBuilders.JSON.createArrayBuilder();
                    for (String id : a.entryIds().split(",")) {
                        entries.add(Long.parseLong(id));
                    }
                    items.add(JsonBuilders.JSON.createObjectBuilder()
                            .add("id", a.id()).add("memberNumber", a.memberNumber())
                            .add("businessDate", a.businessDate().toString()).add("entryIds", entries)
                            .add("createdAt", a.createdAt().toString()));
                });
        return JsonBuilders.JSON.createObjectBuilder().add("items", items).build();
    }

    /** Every member, or exactly the one named (member numbers are digits only, so no wildcard slips in). */
    private static String memberPattern(String member) {
        if (member == null) {
            return "%";
        }
        if (!member.matches("\\d{1,12}")) {
            throw new Refusal(Refusal.Kind.INVALID, "FIELD_INVALID", "member is a member number.", Map.of("field", "member"));
        }
        return member;
    }

    private static LocalDate date(String name, String text, LocalDate absent) {
        if (text == null) {
            return absent;
        }
        return Dates.parse(name, text);
    }
}
