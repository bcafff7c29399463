package coop.tally.posting;

import coop.tally.support.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Test helper over the posting API: signed-in staff, the demo members (found by what they hold,
 * not by number), balances read through the member file, postings and the ledger invariants.
 * One per test class; each test claims its own members so that tests do not see each other's money.
 */
final class Teller {

    /** The generated demo members; 100001 and 100002 are fixed points that tests name on purpose. */
    static final int FIRST_GENERATED = 100003;
    static final int LAST_GENERATED = 100050;

    final Api anonymous;
    final Api rep1;
    final Api rep2;
    final Api super1;
    final Api super2;
    final Api audit1;
    final Api admin1;

    final Calls calls;

    private final Set<String> claimed = new HashSet<>();
    private List<JsonObject> demoMembers;

    Teller(URL deployment) {
        anonymous = Api.at(deployment);
        rep1 = anonymous.signIn("rep1");
        rep2 = anonymous.signIn("rep2");
        super1 = anonymous.signIn("super1");
        super2 = anonymous.signIn("super2");
        audit1 = anonymous.signIn("audit1");
        admin1 = anonymous.signIn("admin1");
        calls = new Calls(super1, admin1);
        openDrawers();
        claimed.add("100001");
        claimed.add("100002");
        liftAmountLimits();
    }

    /**
     * The posting tests move whatever the demo members hold (up to 20,000.00): they are about
     * posting, not about a rep's authority, so the amount limits are lifted for reps and supervisors
     * here. The overrides themselves are tested in ApprovalIT, with the default limits.
     */
    private void liftAmountLimits() {
        for (String role : List.of("REP", "SUPERVISOR")) {
            for (String limit : List.of("CASH_WITHDRAWAL", "SINGLE_POSTING", "TRANSFER_TO_OTHER_MEMBER")) {
                Api.Reply set = admin1.post("api/limits", Json.createObjectBuilder().add("scope", "ROLE").add("subject", role)
                        .add("limit", limit).add("amount", "1000000000.00").build().toString());
                assertEquals(201, set.status(), set.toString());
            }
        }
    }

    // ---------------------------------------------------------------- members and balances

    JsonObject member(String memberNumber) {
        Api.Reply reply = super1.get("api/members/" + memberNumber);
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    /** The account as the member file shows it now. */
    JsonObject account(String accountNumber) {
        String memberNumber = accountNumber.substring(0, accountNumber.indexOf('-'));
        return member(memberNumber).getJsonArray("accounts").getValuesAs(JsonObject.class).stream()
                .filter(account -> account.getString("accountNumber").equals(accountNumber))
                .findFirst().orElseThrow(() -> new AssertionError("no account " + accountNumber));
    }

    BigDecimal ledger(String accountNumber) {
        return money(account(accountNumber).getString("ledgerBalance"));
    }

    BigDecimal available(String accountNumber) {
        return money(account(accountNumber).getString("availableBalance"));
    }

    /** Ledger and available balance of each account, for "nothing changed" checks. */
    Map<String, String> snapshot(String... accountNumbers) {
        Map<String, String> balances = new java.util.TreeMap<>();
        for (String number : accountNumbers) {
            JsonObject account = account(number);
            balances.put(number, account.getString("ledgerBalance") + "/" + account.getString("availableBalance"));
        }
        return balances;
    }

    /**
     * Claims a generated demo member that no other test of this class has claimed and whose file
     * satisfies {@code wanted}. Statuses and types never change, so the scan is read once.
     */
    synchronized JsonObject claimMember(String purpose, Predicate<JsonObject> wanted) {
        if (demoMembers == null) {
            demoMembers = new ArrayList<>();
            for (int number = FIRST_GENERATED; number <= LAST_GENERATED; number++) {
                demoMembers.add(member(String.valueOf(number)));
            }
        }
        for (JsonObject candidate : demoMembers) {
            String number = candidate.getString("memberNumber");
            if (!claimed.contains(number) && wanted.test(candidate)) {
                claimed.add(number);
                return member(number);
            }
        }
        throw new AssertionError("no unclaimed demo member for: " + purpose);
    }

    /** An ACTIVE member with an ACTIVE share and an ACTIVE share draft, each holding at least {@code minimum}. */
    JsonObject claimActiveMember(String purpose, String minimum) {
        BigDecimal floor = money(minimum);
        return claimMember(purpose, member -> "ACTIVE".equals(member.getString("status"))
                && accountOf(member, "SHARE", "ACTIVE").filter(a -> money(a.getString("availableBalance")).compareTo(floor) >= 0).isPresent()
                && accountOf(member, "SHARE_DRAFT", "ACTIVE").filter(a -> money(a.getString("availableBalance")).compareTo(floor) >= 0).isPresent());
    }

    static Optional<JsonObject> accountOf(JsonObject member, String type, String status) {
        return member.getJsonArray("accounts").getValuesAs(JsonObject.class).stream()
                .filter(account -> account.getString("type").equals(type) && account.getString("status").equals(status))
                .findFirst();
    }

    static String numberOf(JsonObject member, String type, String status) {
        return accountOf(member, type, status).map(account -> account.getString("accountNumber"))
                .orElseThrow(() -> new AssertionError("member " + member.getString("memberNumber") + " has no "
                        + status + " " + type));
    }

    static Predicate<JsonObject> holding(String type, String status) {
        return member -> accountOf(member, type, status).isPresent();
    }

    // ---------------------------------------------------------------- postings

    static JsonObjectBuilder request(String type) {
        return Json.createObjectBuilder().add("type", type);
    }

    static String newKey() {
        return UUID.randomUUID().toString();
    }

    /**
     * Posts as {@code staff}, naming a call: a body without a sessionId gets the id of the
     * staff member's verified (STRONG) call for the member whose money it moves, opened on demand
     * (see {@link Calls}); a body that names no member account uses the staff member's current
     * call. A CASH body gets a visit at the counter instead, and the staff member's drawer is
     * opened if needed. Bodies that are not JSON objects, and staff who cannot take calls, post as they are.
     */
    Api.Reply post(Api staff, String idempotencyKey, String body) {
        String sent = withSession(staff, body);
        Api.Reply reply = staff.post("api/transactions", sent, Map.of("Idempotency-Key", idempotencyKey));
        // tests of posting rules are not about the drawer: a rep whose drawer cannot take the cash
        // moves cash with the vault, as at the counter, and posts again (a refusal posted nothing)
        if (Drawers.makeRoom(staff, reply, body)) {
            reply = staff.post("api/transactions", sent, Map.of("Idempotency-Key", idempotencyKey));
        }
        return reply;
    }

    /** The body with the sessionId of the staff member's call for the posting's member added, when it can be. */
    String withSession(Api staff, String body) {
        JsonObject json;
        try (var reader = Json.createReader(new java.io.StringReader(body))) {
            json = reader.readObject();
        } catch (RuntimeException notAnObject) {
            return body;
        }
        if (json.containsKey("sessionId")) {
            return body;
        }
        String member = java.util.stream.Stream.of("fromAccount", "toAccount", "loanAccount")
                .map(field -> json.get(field) instanceof jakarta.json.JsonString text ? text.getString() : null)
                .filter(number -> number != null && number.matches("\\d{6}-.*"))
                .map(number -> number.substring(0, 6))
                .findFirst().orElse(null);
        boolean cash = json.get("tender") instanceof jakarta.json.JsonString tender && tender.getString().equals("CASH");
        String callId = cash ? cashVisit(staff, member)
                : member == null ? calls.currentCall(staff) : calls.verifiedCall(staff, member, "STRONG");
        return callId == null || json.isEmpty() ? body : withSessionId(body, callId);
    }

    /**
     * Cash is posted in a visit at the counter, through the staff member's open drawer: the visit
     * for the posting's member (or, when it names none, for the member of the staff member's
     * current call or visit), and the drawer opened on demand.
     */
    private String cashVisit(Api staff, String member) {
        if (member == null) {
            JsonObject current = calls.currentSession(staff);
            if (current == null || !current.containsKey("memberNumber")) {
                return current == null ? null : current.getString("id");
            }
            member = current.getString("memberNumber");
        }
        String visitId = calls.verifiedVisit(staff, member);
        if (visitId != null) {
            Drawers.ensureOpen(staff);
        }
        return visitId;
    }

    /**
     * Adds the sessionId as the first field by editing the text, not by rebuilding the object:
     * whatever else makes the body special (spacing, field order, duplicate fields, trailing
     * content, size) is what the test sends.
     */
    static String withSessionId(String body, String callId) {
        int open = body.indexOf('{');
        return body.substring(0, open + 1) + "\"sessionId\":\"" + callId + "\"," + body.substring(open + 1);
    }

    Api.Reply post(Api staff, JsonObjectBuilder body) {
        return post(staff, newKey(), body.build().toString());
    }

    /** Posts and requires 201. */
    JsonObject posted(Api staff, JsonObjectBuilder body) {
        Api.Reply reply = post(staff, body);
        assertEquals(201, reply.status(), reply.toString());
        return reply.json();
    }

    Api.Reply reverse(Api staff, long entryId, String reasonCode, String memo) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("reasonCode", reasonCode);
        if (memo != null) {
            body.add("memo", memo);
        }
        return staff.post("api/transactions/" + entryId + "/reversal", body.build().toString());
    }

    // ---------------------------------------------------------------- ledger

    JsonObject invariants() {
        Api.Reply reply = audit1.get("api/ledger/invariants");
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    void assertLedgerHolds() {
        JsonObject report = invariants();
        assertTrue(report.getBoolean("ok"), "ledger invariants: " + report);
        assertEquals(0, report.getJsonArray("unbalancedEntries").size(), report.toString());
        assertEquals(0, report.getJsonArray("balanceMismatches").size(), report.toString());
    }

    int entries() {
        return invariants().getInt("entriesChecked");
    }

    String businessDate() {
        Api.Reply reply = super1.get("api/business-date");
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().getString("businessDate");
    }

    /** Opens the next business day (and the posting staff's drawers for it) and returns it. */
    String advanceBusinessDate() {
        Api.Reply reply = admin1.post("api/business-date/advance", "");
        assertEquals(200, reply.status(), reply.toString());
        openDrawers();
        return reply.json().getString("businessDate");
    }

    /**
     * Opens each posting staff member's drawer for the business date, if not open yet. Done up
     * front, so that the vault issue of an opening is not counted among a test's postings.
     */
    void openDrawers() {
        for (Api staff : List.of(rep1, rep2, super1, super2)) {
            Drawers.ensureOpen(staff);
        }
    }

    // ---------------------------------------------------------------- reading results

    static BigDecimal money(String text) {
        BigDecimal amount = new BigDecimal(text);
        assertEquals(2, amount.scale(), "amounts are strings with two decimals: " + text);
        return amount;
    }

    static String cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** The entry's lines as "account SIDE amount", in line order. */
    static List<String> lines(JsonObject posted) {
        JsonObject entry = posted.containsKey("entry") ? posted.getJsonObject("entry") : posted;
        List<String> lines = new ArrayList<>();
        int expectedLineNo = 1;
        for (JsonObject line : entry.getJsonArray("lines").getValuesAs(JsonObject.class)) {
            assertEquals(expectedLineNo++, line.getInt("line"), "lines are numbered from 1: " + entry);
            String account = line.getString("account");
            String kind = line.getString("accountKind");
            assertEquals(account.matches("\\d{6}-[A-Z]\\d\\d") ? "MEMBER" : "GL", kind, "kind of " + account);
            lines.add(account + " " + line.getString("side") + " " + line.getString("amount"));
        }
        return lines;
    }

    /** The balances block of a posting result as account → "ledger/available". */
    static Map<String, String> balances(JsonObject posted) {
        Map<String, String> balances = new java.util.TreeMap<>();
        for (JsonObject balance : posted.getJsonArray("balances").getValuesAs(JsonObject.class)) {
            balances.put(balance.getString("account"),
                    balance.getString("ledgerBalance") + "/" + balance.getString("availableBalance"));
        }
        return balances;
    }

    static String both(BigDecimal ledger, BigDecimal available) {
        return cents(ledger) + "/" + cents(available);
    }

    static long entryId(JsonObject posted) {
        return posted.getJsonObject("entry").getJsonNumber("id").longValue();
    }

    static boolean isNull(JsonObject object, String field) {
        return !object.containsKey(field) || object.get(field).getValueType() == JsonValue.ValueType.NULL;
    }
}
