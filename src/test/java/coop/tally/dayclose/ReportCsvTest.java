package coop.tally.dayclose;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The day's report and the CTR export as files: the lines a spreadsheet and a filing tool read. */
class ReportCsvTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 11);

    private static JsonObject report() {
        return Json.createObjectBuilder()
                .add("businessDate", DAY.toString()).add("closed", true).add("closedBy", "super1")
                .add("closedAt", "2026-12-11T23:30:00Z").add("nextBusinessDate", "2026-12-14").add("holdsReleased", 2)
                .add("trialBalance", Json.createObjectBuilder().add("through", DAY.toString())
                        .add("accounts", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("code", "1000").add("name", "Vault cash, main")
                                        .add("normalSide", "D").add("debits", "500.00").add("credits", "200.00").add("balance", "300.00"))
                                .add(Json.createObjectBuilder().add("code", "2000").add("name", "Member shares")
                                        .add("normalSide", "C").add("debits", "200.00").add("credits", "500.00").add("balance", "300.00")))
                        .add("totalDebits", "700.00").add("totalCredits", "700.00").add("balanced", true))
                .add("drawers", Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", 4).add("owner", "rep1")
                        .add("state", "CLOSED").add("vaultIssue", "2000.00").add("opening", "2000.00").add("cashIn", "12000.00")
                        .add("cashOut", "0.00").add("vaultIn", "0.00").add("vaultOut", "0.00")
                        .add("handedIn", "500.00").add("handedOut", "500.00").add("expected", "14000.00")
                        .add("counted", "13997.00").add("overShort", "-3.00")))
                .add("ctrs", Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", 1).add("memberNumber", "100001")
                        .add("direction", "IN").add("total", "12000.00").add("entryIds", Json.createArrayBuilder().add(31).add(32))))
                .add("instrumentPurchases", Json.createArrayBuilder())
                .add("structuringAlerts", Json.createArrayBuilder())
                .add("overrides", Json.createArrayBuilder().add(Json.createObjectBuilder().add("approvalId", 5).add("entryId", 33)
                        .add("type", "WITHDRAWAL").add("amount", "3000.00").add("postedBy", "rep1").add("approvedBy", "super2")
                        .add("summary", "Cash withdrawal, \"urgent\", for Zoë")))
                .add("reversals", Json.createArrayBuilder().add(Json.createObjectBuilder().add("entryId", 34)
                        .add("reversesEntryId", 30).add("reason", "POSTING_ERROR").add("amount", "25.00").add("postedBy", "super1")))
                .build();
    }

    @Test
    void the_day_report_has_a_section_per_part_each_with_its_header() {
        List<String> lines = List.of(DayReportCsv.write(report()).split("\r\n", -1));
        assertTrue(lines.get(0).startsWith("# Tally business day report 2026-12-11, closed by super1"), lines.get(0));
        assertEquals("section,trial_balance", lines.get(1));
        assertEquals("code,name,normal_side,debits,credits,balance", lines.get(2));
        assertEquals("1000,\"Vault cash, main\",D,500.00,200.00,300.00", lines.get(3));
        assertEquals("total,,,700.00,700.00,balanced", lines.get(5));
        int drawers = lines.indexOf("section,drawers");
        assertEquals("id,owner,state,vault_issue,opening,cash_in,cash_out,vault_in,vault_out,from_other_drawers,to_other_drawers,"
                + "expected,counted,over_short,approved_by", lines.get(drawers + 1));
        assertEquals("4,rep1,CLOSED,2000.00,2000.00,12000.00,0.00,0.00,0.00,500.00,500.00,14000.00,13997.00,-3.00,", lines.get(drawers + 2));
        assertEquals("1,100001,IN,12000.00,31 32", lines.get(lines.indexOf("section,ctrs") + 2));
        assertEquals("5,33,WITHDRAWAL,3000.00,rep1,super2,\"Cash withdrawal, \"\"urgent\"\", for Zoë\"",
                lines.get(lines.indexOf("section,overrides") + 2));
        assertEquals("34,30,POSTING_ERROR,25.00,super1,", lines.get(lines.indexOf("section,reversals") + 2));
        assertEquals("section,structuring_alerts", lines.get(lines.indexOf("section,structuring_alerts")));
    }

    @Test
    void a_trial_balance_withheld_while_drawers_are_open_says_why() {
        JsonObject open = Json.createObjectBuilder(report()).add("closed", false)
                .add("trialBalance", Json.createObjectBuilder().add("through", DAY.toString()).add("withheld", "Not shown while drawer(s) 4 are open"))
                .build();
        List<String> lines = List.of(DayReportCsv.write(open).split("\r\n", -1));
        assertEquals("withheld,Not shown while drawer(s) 4 are open", lines.get(lines.indexOf("section,trial_balance") + 1));
        assertEquals("section,drawers", lines.get(lines.indexOf("section,trial_balance") + 3));
    }

    @Test
    void a_day_not_closed_says_so() {
        JsonObject open = Json.createObjectBuilder(report()).add("closed", false).build();
        assertTrue(DayReportCsv.write(open).startsWith("# Tally business day report 2026-12-11, not closed"));
    }

    @Test
    void the_ctr_export_names_what_it_does_not_hold_and_masks_the_tin() {
        CtrCsv.Row row = new CtrCsv.Row(1, DAY, "IN", "12000.00", "", "100001", "Nguyễn, Jr.", "Zoë",
                LocalDate.of(1978, 4, 12), "12 Elm St, Apt 4", "Chicago", "IL", "60657", "6789", "+13125550101",
                "zoe@example.org", "DRIVERS_LICENSE", "4321", LocalDate.of(2029, 5, 31), 2, "31 32", "rep1 super2");
        String csv = CtrCsv.write(DAY, List.of(row), Instant.parse("2026-12-11T23:40:00Z"), "super1");
        List<String> lines = List.of(csv.split("\r\n"));
        assertTrue(lines.get(0).startsWith("# FinCEN Currency Transaction Report (FinCEN Form 112) data from Tally: business date 2026-12-11, 1 report(s)"));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("# Form 112 fields Tally does not hold") && l.contains("middle name")
                && l.contains("occupation") && l.contains("EIN")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("# Withheld from this file: the full TIN")));
        int header = lines.indexOf(String.join(",", CtrCsv.HEADER));
        assertTrue(header > 0, "the header line follows the comments");
        assertEquals("1,2026-12-11,IN,12000.00,,OWN_BEHALF,100001,\"Nguyễn, Jr.\",Zoë,1978-04-12,\"12 Elm St, Apt 4\",Chicago,IL,60657,"
                + "***-**-6789,SSN,+13125550101,zoe@example.org,DRIVERS_LICENSE,4321,2029-05-31,2,31 32,rep1 super2", lines.get(header + 1));
        assertEquals(header + 2, lines.size(), "one line per CTR");
    }
}
