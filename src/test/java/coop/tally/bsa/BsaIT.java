package coop.tally.bsa;

import coop.tally.approval.Desk;
import coop.tally.posting.Calls;
import coop.tally.support.ScenarioSteps;
import coop.tally.support.Api;
import coop.tally.support.TallyDeployment;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static coop.tally.approval.Desk.numberOf;
import static coop.tally.approval.Desk.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BSA records over HTTP: a day's cash in and cash out per member add up separately into CTR
 * records (the postings themselves go through), official checks bought with 3,000.00-10,000.00 in
 * cash record the buyer, deposits just under 10,000.00 on nearby business days raise an alert, and
 * a reversed cash deposit leaves the day's total.
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(ScenarioSteps.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BsaIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TallyDeployment.shippedWar();
    }

    @ArquillianResource
    URL deployment;

    private static URL signedInAt;

    private static Desk desk;

    @BeforeEach
    void signIn() {
        // a rerun of the class gets a new server on another port: sign in again there
        if (desk == null || !deployment.equals(signedInAt)) {
            signedInAt = deployment;
            desk = new Desk(deployment);
        }
    }

    private static long cash(Api staff, String member, String type, String field, String account, String amount) {
        JsonObject posted = desk.posted(staff, member, request(type).add("tender", "CASH").add(field, account).add("amount", amount));
        return posted.getJsonObject("entry").getJsonNumber("id").longValue();
    }

    private static List<JsonObject> ctrs(String member) {
        Api.Reply reply = desk.audit1.get("api/bsa/ctrs?member=" + member);
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().getJsonArray("items").getValuesAs(JsonObject.class);
    }

    @Test
    @Order(1)
    void cash_in_and_out_add_up_separately_and_a_ctr_is_recorded_when_one_passes_10000() {
        JsonObject member = desk.claimActive("CTR");
        String number = member.getString("memberNumber");
        String share = numberOf(member, "SHARE", "ACTIVE");
        String draft = numberOf(member, "SHARE_DRAFT", "ACTIVE");
        desk.fund(share, "9000.00");
        desk.fund(draft, "9000.00");

        // out: 2,500.00 + 2,500.00 + 2,500.00 + 2,499.99 = 9,999.99 by two reps; in: 4,000.00
        long out1 = cash(desk.rep1, number, "WITHDRAWAL", "fromAccount", share, "2500.00");
        long out2 = cash(desk.rep1, number, "WITHDRAWAL", "fromAccount", draft, "2500.00");
        long out3 = cash(desk.rep2, number, "WITHDRAWAL", "fromAccount", share, "2500.00");
        long out4 = cash(desk.rep2, number, "WITHDRAWAL", "fromAccount", draft, "2499.99");
        long in1 = cash(desk.rep1, number, "DEPOSIT", "toAccount", share, "4000.00");
        assertEquals(List.of(), ctrs(number), "14,000-odd in cash, but neither direction is above 10,000.00");

        long in2 = cash(desk.rep1, number, "DEPOSIT", "toAccount", draft, "6000.00");
        assertEquals(List.of(), ctrs(number), "exactly 10,000.00 in is not above it");
        long in3 = cash(desk.rep2, number, "DEPOSIT", "toAccount", share, "0.01");
        List<JsonObject> afterIn = ctrs(number);
        assertEquals(1, afterIn.size(), afterIn.toString());
        JsonObject ctrIn = afterIn.get(0);
        assertEquals("IN", ctrIn.getString("direction"));
        assertEquals("10000.01", ctrIn.getString("total"));
        assertEquals(desk.businessDate(), ctrIn.getString("businessDate"));
        assertEquals(Set.of(in1, in2, in3), entryIds(ctrIn));
        assertEquals(Set.of("rep1", "rep2"), Set.copyOf(ctrIn.getJsonArray("staff").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList()));

        long out5 = cash(desk.rep1, number, "WITHDRAWAL", "fromAccount", share, "0.02");
        List<JsonObject> both = ctrs(number);
        assertEquals(2, both.size(), both.toString());
        JsonObject ctrOut = both.stream().filter(ctr -> ctr.getString("direction").equals("OUT")).findFirst().orElseThrow();
        assertEquals("10000.01", ctrOut.getString("total"));
        assertEquals(Set.of(out1, out2, out3, out4, out5), entryIds(ctrOut));

        // one record per direction and day: more cash the same day joins it, no second record
        long in4 = cash(desk.rep1, number, "DEPOSIT", "toAccount", share, "100.00");
        List<JsonObject> still = ctrs(number);
        assertEquals(2, still.size(), still.toString());
        JsonObject grown = still.stream().filter(ctr -> ctr.getString("direction").equals("IN")).findFirst().orElseThrow();
        assertTrue(entryIds(grown).contains(in4));

        // supervisors and auditors read them; reps and admins do not
        assertEquals(200, desk.super1.get("api/bsa/ctrs").status());
        assertEquals(403, desk.rep1.get("api/bsa/ctrs").status());
        assertEquals(403, desk.admin1.get("api/bsa/ctrs").status());
        assertEquals(400, desk.audit1.get("api/bsa/ctrs?member=1%25").status());
    }

    @Test
    @Order(2)
    void an_official_check_bought_with_3000_to_10000_in_cash_records_the_buyer() {
        JsonObject member = desk.claimActive("official check buyer");
        String number = member.getString("memberNumber");
        JsonObject small = desk.posted(desk.rep1, number, request("OFFICIAL_CHECK").add("tender", "CASH")
                .add("instrument", "MONEY_ORDER").add("amount", "2999.99"));
        JsonObject big = desk.posted(desk.rep1, number, request("OFFICIAL_CHECK").add("tender", "CASH")
                .add("instrument", "CASHIERS_CHECK").add("amount", "3000.00"));
        long bigId = big.getJsonObject("entry").getJsonNumber("id").longValue();
        long smallId = small.getJsonObject("entry").getJsonNumber("id").longValue();

        Api.Reply reply = desk.super1.get("api/bsa/instrument-purchases?member=" + number);
        assertEquals(200, reply.status(), reply.toString());
        List<JsonObject> items = reply.json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(1, items.size(), items.toString());
        JsonObject purchase = items.get(0);
        assertEquals(bigId, purchase.getJsonNumber("entryId").longValue());
        assertTrue(bigId != smallId);
        assertEquals("CASHIERS_CHECK", purchase.getString("instrument"));
        assertEquals("3000.00", purchase.getString("amount"));
        assertTrue(purchase.getString("buyerIdentifiedBy").contains(number), purchase.toString());
        assertTrue(purchase.getString("buyerIdentifiedBy").startsWith("DRIVERS_LICENSE ending 4321, expires " + Calls.unexpiredOn(desk.rep1)),
                "the photo ID inspected at the counter: " + purchase);
        assertEquals("rep1", purchase.getString("postedBy"));
    }

    @Test
    @Order(3)
    void cash_deposits_just_under_10000_on_nearby_business_days_raise_a_structuring_alert() {
        JsonObject member = desk.claimActive("structuring");
        String number = member.getString("memberNumber");
        String share = numberOf(member, "SHARE", "ACTIVE");
        JsonObject bystander = desk.claimActive("one deposit only");
        String other = numberOf(bystander, "SHARE", "ACTIVE");

        long first = cash(desk.rep1, number, "DEPOSIT", "toAccount", share, "9500.00");
        cash(desk.rep1, bystander.getString("memberNumber"), "DEPOSIT", "toAccount", other, "9500.00");
        long justBelow = cash(desk.rep1, number, "DEPOSIT", "toAccount", share, "7999.99");
        assertEquals(List.of(), alerts(number), "one deposit near the threshold is not a pattern");

        advanceBusinessDate();
        long second = cash(desk.rep2, number, "DEPOSIT", "toAccount", share, "8000.00");
        List<JsonObject> alerts = alerts(number);
        assertEquals(1, alerts.size(), alerts.toString());
        assertEquals(Set.of(first, second), Set.copyOf(alerts.get(0).getJsonArray("entryIds").getValuesAs(jakarta.json.JsonNumber.class)
                .stream().map(jakarta.json.JsonNumber::longValue).toList()));
        assertEquals(List.of(), alerts(bystander.getString("memberNumber")));
        assertTrue(first != justBelow && second != justBelow, "7,999.99 is not near the threshold, so not in the alert");

        // three business days later the first deposit is out of the window
        advanceBusinessDate();
        advanceBusinessDate();
        long third = cash(desk.rep1, number, "DEPOSIT", "toAccount", share, "9999.99");
        List<JsonObject> later = alerts(number);
        assertEquals(2, later.size(), later.toString());
        assertEquals(Set.of(second, third), Set.copyOf(later.get(0).getJsonArray("entryIds").getValuesAs(jakarta.json.JsonNumber.class)
                .stream().map(jakarta.json.JsonNumber::longValue).toList()));
        assertEquals(200, desk.super2.get("api/bsa/structuring-alerts").status());
        assertEquals(403, desk.rep2.get("api/bsa/structuring-alerts").status());
    }

    @Test
    @Order(4)
    void a_reversed_cash_deposit_no_longer_counts_towards_the_days_total() {
        JsonObject member = desk.claimActive("reversed cash");
        String number = member.getString("memberNumber");
        String share = numberOf(member, "SHARE", "ACTIVE");

        cash(desk.rep1, number, "DEPOSIT", "toAccount", share, "6000.00");
        long mistaken = cash(desk.rep1, number, "DEPOSIT", "toAccount", share, "4000.00");
        Api.Reply reversed = desk.super1.post("api/transactions/" + mistaken + "/reversal", "{\"reasonCode\":\"POSTING_ERROR\"}");
        assertEquals(201, reversed.status(), reversed.toString());
        long reversal = reversed.json().getJsonObject("entry").getJsonNumber("id").longValue();

        // 10,000.02 deposited, 4,000.00 of it taken back: 6,000.02 came in
        cash(desk.rep2, number, "DEPOSIT", "toAccount", share, "0.02");
        assertEquals(List.of(), ctrs(number), "the reversed deposit is not cash the member brought");

        long last = cash(desk.rep2, number, "DEPOSIT", "toAccount", share, "4000.00");
        List<JsonObject> ctrs = ctrs(number);
        assertEquals(1, ctrs.size(), ctrs.toString());
        assertEquals("10000.02", ctrs.get(0).getString("total"), "net of the reversal");
        assertTrue(entryIds(ctrs.get(0)).containsAll(Set.of(mistaken, reversal, last)), ctrs.toString());
    }

    private static List<JsonObject> alerts(String member) {
        Api.Reply reply = desk.audit1.get("api/bsa/structuring-alerts?member=" + member);
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().getJsonArray("items").getValuesAs(JsonObject.class);
    }

    private static void advanceBusinessDate() {
        String before = desk.businessDate();
        Api.Reply reply = desk.admin1.post("api/business-date/advance", "");
        assertEquals(200, reply.status(), reply.toString());
        assertTrue(reply.json().getString("businessDate").compareTo(before) > 0);
    }

    private static Set<Long> entryIds(JsonObject ctr) {
        Set<Long> ids = new TreeSet<>();
        ctr.getJsonArray("transactions").getValuesAs(JsonObject.class)
                .forEach(transaction -> ids.add(transaction.getJsonNumber("entryId").longValue()));
        return ids;
    }
}
