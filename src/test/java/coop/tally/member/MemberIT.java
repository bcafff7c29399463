package coop.tally.member;

import coop.tally.posting.Calls;
import coop.tally.support.Api;
import coop.tally.support.TallyDeployment;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Member search and the member file over HTTP, against the shipped WAR with the default 50 demo members. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MemberIT {

    private static final String SHOWCASE_SSN_DIGITS = "900411234";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TallyDeployment.shippedWar();
    }

    @ArquillianResource
    URL deployment;

    private Api anonymous() {
        return Api.at(deployment);
    }

    private Api supervisor() {
        return anonymous().signIn("super1");
    }

    private static String search(String q) {
        return "api/members?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    private static List<String> memberNumbers(Api.Reply reply) {
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> item.getString("memberNumber")).toList();
    }

    @Test
    void supervisor_finds_members_by_last_name_or_full_name_in_any_case() {
        Api supervisor = supervisor();
        assertTrue(memberNumbers(supervisor.get(search("whitfield"))).contains("100001"));
        assertTrue(memberNumbers(supervisor.get(search("WHITF"))).contains("100001"));
        assertTrue(memberNumbers(supervisor.get(search("Eleanor Whit"))).contains("100001"));
        assertFalse(memberNumbers(supervisor.get(search("Eleanor Whiz"))).contains("100001"));

        JsonObject page = supervisor.get(search("whitfield")).json();
        JsonObject first = page.getJsonArray("items").getJsonObject(0);
        assertEquals("Eleanor Whitfield", first.getString("name"));
        assertEquals("ACTIVE", first.getString("status"));
        assertEquals("***-**-1234", first.getString("ssn"));
        assertEquals(0, page.getInt("page"));
        assertEquals(20, page.getInt("size"));
        assertTrue(page.getJsonNumber("total").longValue() >= 1);
    }

    @Test
    void supervisor_finds_a_member_by_member_number_account_number_or_phone() {
        Api supervisor = supervisor();
        assertEquals(List.of("100001"), memberNumbers(supervisor.get(search("100001"))));
        assertEquals(List.of("100001"), memberNumbers(supervisor.get(search("100001-S80"))));
        for (String phone : List.of("(312) 555-0101", "312.555.0101", "+1 312 555 0101", "3125550101")) {
            assertTrue(memberNumbers(supervisor.get(search(phone))).contains("100001"), phone);
        }
        assertEquals(List.of(), memberNumbers(supervisor.get(search("999999"))));
    }

    @Test
    void search_pages_through_results_in_name_order() {
        Api supervisor = supervisor();
        JsonObject all = supervisor.get("api/members?q=" + "s" + "&size=100").json();
        long total = all.getJsonNumber("total").longValue();
        assertTrue(total >= 2, all.toString());
        List<String> names = all.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> item.getString("lastName").toLowerCase()).toList();
        assertEquals(names.stream().sorted().toList(), names);

        JsonObject second = supervisor.get("api/members?q=s&size=1&page=1").json();
        assertEquals(1, second.getJsonArray("items").size());
        assertEquals(total, second.getJsonNumber("total").longValue());
        assertEquals(all.getJsonArray("items").getJsonObject(1).getString("memberNumber"),
                second.getJsonArray("items").getJsonObject(0).getString("memberNumber"));
    }

    @Test
    void a_bad_search_is_a_400_problem_saying_why() {
        Api supervisor = supervisor();
        Map<String, String> expected = Map.of(
                "api/members", "SEARCH_QUERY_MISSING",
                "api/members?q=%20%20", "SEARCH_QUERY_MISSING",
                search("a".repeat(101)), "SEARCH_QUERY_TOO_LONG",
                search("smith%"), "SEARCH_QUERY_INVALID",
                "api/members?q=smith&size=0", "INVALID_PAGE",
                "api/members?q=smith&size=101", "INVALID_PAGE",
                "api/members?q=smith&page=-1", "INVALID_PAGE",
                "api/members?q=smith&page=x", "INVALID_PAGE");
        expected.forEach((path, code) -> {
            Api.Reply reply = supervisor.get(path);
            assertEquals(400, reply.status(), path + " " + reply);
            assertTrue(reply.isProblem(), reply.toString());
            assertEquals(code, reply.code(), path);
        });
    }

    @Test
    void the_member_file_shows_contact_details_accounts_and_the_ssn_masked_only() {
        Api.Reply reply = supervisor().get("api/members/100001");
        assertEquals(200, reply.status(), reply.toString());
        JsonObject member = reply.json();
        assertEquals("100001", member.getString("memberNumber"));
        assertEquals("***-**-1234", member.getString("ssn"));
        assertEquals("1978-04-12", member.getString("dateOfBirth"));
        assertEquals("eleanor.whitfield@example.com", member.getString("email"));
        JsonObject phone = member.getJsonArray("phones").getJsonObject(0);
        assertEquals("+13125550101", phone.getString("number"));
        assertEquals("MOBILE", phone.getString("kind"));
        assertTrue(phone.getBoolean("primary"));
        JsonObject address = member.getJsonArray("addresses").getJsonObject(0);
        assertEquals("60657", address.getString("zip"));
        assertTrue(address.getBoolean("primary"));

        String body = reply.body();
        assertFalse(body.contains(SHOWCASE_SSN_DIGITS), "the full SSN never leaves the server");
        assertFalse(body.contains("900-41-1234"));
        assertFalse(body.matches("(?s).*\\d{3}-\\d{2}-\\d{4}.*"), "no SSN-shaped value at all");
        assertFalse(body.contains("v1:"), "nor its ciphertext");
        assertEquals("no-store", reply.header("Cache-Control"));
    }

    @Test
    void the_member_file_lists_accounts_with_amounts_as_decimal_strings() {
        JsonArray accounts = supervisor().get("api/members/100001").json().getJsonArray("accounts");
        Map<String, JsonObject> byNumber = accounts.getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(account -> account.getString("accountNumber"), Function.identity()));
        assertEquals(Set.of("100001-S00", "100001-S10", "100001-S80", "100001-L01"), byNumber.keySet());
        assertEquals("SHARE", byNumber.get("100001-S00").getString("type"));
        assertEquals("SHARE_DRAFT", byNumber.get("100001-S10").getString("type"));
        assertEquals("CERTIFICATE", byNumber.get("100001-S80").getString("type"));
        for (JsonObject account : byNumber.values()) {
            assertEquals("ACTIVE", account.getString("status"));
            assertTrue(account.getString("ledgerBalance").matches("-?\\d+\\.\\d{2}"), account.toString());
            assertTrue(account.getString("availableBalance").matches("-?\\d+\\.\\d{2}"), account.toString());
        }
        JsonObject loan = byNumber.get("100001-L01");
        assertEquals("LOAN", loan.getString("type"));
        assertEquals("0.065000", loan.getString("annualRate"));
        assertEquals("385.00", loan.getString("paymentAmount"));
        assertEquals("0.00", loan.getString("lateFeesDue"));
        assertTrue(loan.containsKey("interestPaidTo") && loan.containsKey("nextDueDate"), loan.toString());
        assertEquals("0.042500", byNumber.get("100001-S80").getString("annualRate"));
        assertTrue(byNumber.get("100001-S80").containsKey("maturityDate"));
    }

    @Test
    void an_auditor_can_search_and_read_and_the_read_is_on_the_security_log() {
        Api auditor = anonymous().signIn("audit1");
        assertEquals(List.of("100001"), memberNumbers(auditor.get(search("100001"))));
        Api.Reply read = auditor.get("api/members/100001");
        assertEquals(200, read.status(), read.toString());
        assertEquals("***-**-1234", read.json().getString("ssn"));

        assertEquals(200, supervisor().get("api/members/100002").status());
        JsonArray events = auditor.get("api/security-log?type=MEMBER_VIEWED").array();
        Set<String> seen = new HashSet<>();
        events.getValuesAs(JsonObject.class).forEach(event -> seen.add(event.getString("actor") + " " + event.getString("subject")));
        assertTrue(seen.contains("audit1 100001"), events.toString());
        assertTrue(seen.contains("super1 100002"), events.toString());
    }

    @Test
    void in_a_call_the_rep_sees_the_members_own_opening_balances_and_no_other_members_money() {
        Api rep = anonymous().signIn("rep1");
        Calls calls = new Calls(supervisor(), anonymous().signIn("admin1"));
        String call = calls.verifiedCall(rep, "100001", "BASIC");
        try {
            Api.Reply history = rep.get("api/accounts/100001-S00/history?size=200");
            assertEquals(200, history.status(), history.toString());
            List<JsonObject> entries = history.json().getJsonArray("entries").getValuesAs(JsonObject.class);
            List<JsonObject> openings = entries.stream().filter(e -> e.getString("type").equals("OPENING_BALANCE")).toList();
            assertEquals(1, openings.size(), history.toString());
            JsonObject opening = openings.get(0);
            // the member's own conversion entry: their accounts and the conversion equity, nothing masked
            List<JsonObject> lines = opening.getJsonArray("lines").getValuesAs(JsonObject.class);
            assertTrue(lines.stream().anyMatch(line -> line.getString("account").equals("100001-S00")), opening.toString());
            assertTrue(lines.stream().allMatch(line -> line.getString("accountKind").equals("GL")
                    || line.getString("account").startsWith("100001-")), "only the member's own accounts: " + opening);
            assertFalse(opening.containsKey("masked"), opening.toString());
            assertEquals(supervisor().get("api/transactions/" + opening.getJsonNumber("id")).json().getJsonArray("lines"),
                    opening.getJsonArray("lines"), "the member's entry is whole as it is");
            // and nothing in the answer names another member's account
            assertFalse(java.util.regex.Pattern.compile("\"account\":\"(?!100001-)\\d{6}-").matcher(history.body()).find(),
                    history.body());
        } finally {
            calls.endCall(rep);
        }
    }

    @Test
    void admins_are_refused_and_reps_without_a_verified_call_see_names_only() {
        Api admin = anonymous().signIn("admin1");
        for (String path : List.of("api/members/100001", search("whitfield"))) {
            Api.Reply reply = admin.get(path);
            assertEquals(403, reply.status(), "admin1 " + path + " " + reply);
            assertTrue(reply.isProblem(), reply.toString());
            assertEquals("FORBIDDEN", reply.code());
            assertFalse(reply.body().contains("Whitfield"));
        }
        Api rep = anonymous().signIn("rep1");
        Api.Reply file = rep.get("api/members/100001");
        assertEquals(403, file.status(), file.toString());
        assertEquals("VERIFICATION_REQUIRED", file.code());
        assertFalse(file.body().contains("Whitfield"));
        Api.Reply found = rep.get(search("whitfield"));
        assertEquals(200, found.status(), found.toString());
        JsonObject hit = found.json().getJsonArray("items").getJsonObject(0);
        assertEquals(Set.of("memberNumber", "name"), hit.keySet(), "a rep's search shows names and numbers only");
    }

    @Test
    void without_a_token_the_answer_is_401() {
        Api.Reply reply = anonymous().get("api/members/100001");
        assertEquals(401, reply.status(), reply.toString());
        assertTrue(reply.isProblem(), reply.toString());
    }

    @Test
    void an_unknown_member_is_a_404_problem() {
        Api supervisor = supervisor();
        for (String number : List.of("999999", "not-a-number")) {
            Api.Reply reply = supervisor.get("api/members/" + number);
            assertEquals(404, reply.status(), reply.toString());
            assertTrue(reply.isProblem(), reply.toString());
            assertEquals("MEMBER_NOT_FOUND", reply.code());
        }
    }

    @Test
    void the_demo_members_hold_accounts_in_every_status_and_include_a_frozen_member() {
        Api supervisor = supervisor();
        Set<AccountStatus> accountStatuses = EnumSet.noneOf(AccountStatus.class);
        Set<String> memberStatuses = new HashSet<>();
        for (int number = 100001; number <= 100010; number++) {
            JsonObject member = supervisor.get("api/members/" + number).json();
            memberStatuses.add(member.getString("status"));
            member.getJsonArray("accounts").getValuesAs(JsonObject.class)
                    .forEach(account -> accountStatuses.add(AccountStatus.valueOf(account.getString("status"))));
        }
        assertEquals(EnumSet.allOf(AccountStatus.class), accountStatuses);
        assertTrue(memberStatuses.contains("FROZEN"), memberStatuses.toString());

        JsonObject staffMember = supervisor.get("api/members/100002").json();
        assertEquals("Robin Rep", staffMember.getString("name"));
        assertEquals(List.of("SHARE", "SHARE_DRAFT"), staffMember.getJsonArray("accounts").getValuesAs(JsonObject.class)
                .stream().map(account -> account.getString("type")).toList());

        JsonObject pastDueLoan = supervisor.get("api/members/100006").json().getJsonArray("accounts")
                .getValuesAs(JsonObject.class).stream()
                .filter(account -> account.getString("type").equals("LOAN")).findFirst().orElseThrow();
        assertFalse(pastDueLoan.getString("lateFeesDue").equals("0.00"), pastDueLoan.toString());
    }

    @Test
    void the_demo_set_is_fifty_members_by_default() {
        JsonObject page = supervisor().get("api/members?q=100050").json();
        assertEquals(1, page.getJsonArray("items").size());
        assertEquals(0, supervisor().get("api/members?q=100051").json().getJsonArray("items").size());
        assertTrue(page.getJsonArray("items").getJsonObject(0).get("memberNumber") instanceof JsonString);
    }
}
