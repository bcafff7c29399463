package coop.tally.approval;

import coop.tally.posting.Calls;
import coop.tally.posting.Drawers;
import coop.tally.support.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.math.BigDecimal;
import java.net.URL;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Test helper for overrides and BSA records: signed-in staff, demo members claimed one per test,
 * postings in the acting staff member's session, the approval queue and balances.
 */
public final class Desk {

    public final Api anonymous;
    public final Api rep1;
    public final Api rep2;
    public final Api super1;
    public final Api super2;
    public final Api audit1;
    public final Api admin1;
    public final Calls calls;

    private final Set<String> claimed = new HashSet<>(Set.of("100001", "100002"));

    public Desk(URL deployment) {
        anonymous = Api.at(deployment);
        rep1 = anonymous.signIn("rep1");
        rep2 = anonymous.signIn("rep2");
        super1 = anonymous.signIn("super1");
        super2 = anonymous.signIn("super2");
        audit1 = anonymous.signIn("audit1");
        admin1 = anonymous.signIn("admin1");
        calls = new Calls(super1, admin1);
        // drawers open up front: opening one appends a vault entry, which tests counting entries must not see mid-test
        List.of(rep1, rep2, super1, super2).forEach(Drawers::ensureOpen);
    }

    /**
     * The one place where these tests obtain the member session their postings are made in: a visit
     * at the counter verified STRONG by photo ID, with the staff member's cash drawer open (cash
     * changes hands only in a visit, through the acting rep's drawer). Every posting of these tests
     * uses it, cash or not.
     */
    public String cashSession(Api staff, String memberNumber) {
        Drawers.ensureOpen(staff);
        return calls.verifiedVisit(staff, memberNumber);
    }

    // ---------------------------------------------------------------- members

    public JsonObject member(String memberNumber) {
        Api.Reply reply = super1.get("api/members/" + memberNumber);
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    /** A generated demo member nobody in this class claimed yet whose file satisfies {@code wanted}. */
    public synchronized JsonObject claim(String purpose, Predicate<JsonObject> wanted) {
        for (int number = 100003; number <= 100050; number++) {
            String candidate = String.valueOf(number);
            if (claimed.contains(candidate)) {
                continue;
            }
            JsonObject file = member(candidate);
            if (wanted.test(file)) {
                claimed.add(candidate);
                return file;
            }
        }
        throw new AssertionError("no unclaimed demo member for " + purpose);
    }

    /** An ACTIVE member with an ACTIVE share and an ACTIVE share draft. */
    public JsonObject claimActive(String purpose) {
        return claim(purpose, file -> "ACTIVE".equals(file.getString("status"))
                && accountOf(file, "SHARE", "ACTIVE").isPresent() && accountOf(file, "SHARE_DRAFT", "ACTIVE").isPresent());
    }

    public static Optional<JsonObject> accountOf(JsonObject member, String type, String status) {
        return member.getJsonArray("accounts").getValuesAs(JsonObject.class).stream()
                .filter(account -> account.getString("type").equals(type) && account.getString("status").equals(status))
                .findFirst();
    }

    public static String numberOf(JsonObject member, String type, String status) {
        return accountOf(member, type, status).map(account -> account.getString("accountNumber"))
                .orElseThrow(() -> new AssertionError(member.getString("memberNumber") + " has no " + status + " " + type));
    }

    public JsonObject account(String accountNumber) {
        return member(accountNumber.substring(0, 6)).getJsonArray("accounts").getValuesAs(JsonObject.class).stream()
                .filter(account -> account.getString("accountNumber").equals(accountNumber))
                .findFirst().orElseThrow();
    }

    public BigDecimal available(String accountNumber) {
        return new BigDecimal(account(accountNumber).getString("availableBalance"));
    }

    /** "ledger/available" of the account now. */
    public String balance(String accountNumber) {
        JsonObject account = account(accountNumber);
        return account.getString("ledgerBalance") + "/" + account.getString("availableBalance");
    }

    // ---------------------------------------------------------------- postings

    public static JsonObjectBuilder request(String type) {
        return Json.createObjectBuilder().add("type", type);
    }

    /** Posts as {@code staff} in their session with {@code member}, under a new idempotency key. */
    public Api.Reply post(Api staff, String member, JsonObjectBuilder body) {
        return post(staff, member, UUID.randomUUID().toString(), body.build());
    }

    public Api.Reply post(Api staff, String member, String key, JsonObject body) {
        String withSession = Json.createObjectBuilder(body).add("sessionId", cashSession(staff, member)).build().toString();
        Api.Reply reply = staff.post("api/transactions", withSession, Map.of("Idempotency-Key", key));
        // these tests are about overrides and BSA records, not drawers: a drawer short of cash or over its limit moves cash with the vault
        if (Drawers.makeRoom(staff, reply, withSession)) {
            reply = staff.post("api/transactions", withSession, Map.of("Idempotency-Key", key));
        }
        return reply;
    }

    public JsonObject posted(Api staff, String member, JsonObjectBuilder body) {
        Api.Reply reply = post(staff, member, body);
        assertEquals(201, reply.status(), reply.toString());
        return reply.json();
    }

    /** Adds money to a member account without cash (from suspense), so that no CTR or limit is involved. */
    public void fund(String accountNumber, String amount) {
        posted(rep1, accountNumber.substring(0, 6), request("DEPOSIT").add("tender", "INTERNAL")
                .add("toAccount", accountNumber).add("amount", amount));
    }

    /** Requires a 202 with a pending approval request and returns the request. */
    public static JsonObject pending(Api.Reply reply) {
        assertEquals(202, reply.status(), reply.toString());
        assertEquals("OVERRIDE_REQUIRED", reply.json().getString("code"), reply.toString());
        JsonObject approval = reply.json().getJsonObject("approval");
        assertEquals("PENDING", approval.getString("status"), approval.toString());
        return approval;
    }

    public static long id(JsonObject approval) {
        return approval.getJsonNumber("id").longValue();
    }

    public static List<String> reasons(JsonObject approval) {
        return approval.getJsonArray("reasons").getValuesAs(JsonObject.class).stream()
                .map(reason -> reason.getString("reason")).toList();
    }

    public static List<String> events(JsonObject approval) {
        return approval.getJsonArray("events").getValuesAs(JsonObject.class).stream()
                .map(event -> event.getString("type")).toList();
    }

    public Api.Reply approve(Api supervisor, long approvalId, String reason) {
        return supervisor.post("api/approvals/" + approvalId + "/approve",
                Json.createObjectBuilder().add("reason", reason).build().toString());
    }

    public Api.Reply deny(Api supervisor, long approvalId, String reason) {
        return supervisor.post("api/approvals/" + approvalId + "/deny",
                Json.createObjectBuilder().add("reason", reason).build().toString());
    }

    public JsonObject approval(Api staff, long approvalId) {
        Api.Reply reply = staff.get("api/approvals/" + approvalId);
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    /** How many journal entries there are (the invariants report counts them). */
    public int entries() {
        Api.Reply reply = audit1.get("api/ledger/invariants");
        assertEquals(200, reply.status(), reply.toString());
        assertEquals(true, reply.json().getBoolean("ok"), reply.toString());
        return reply.json().getInt("entriesChecked");
    }

    public JsonObject entry(long entryId) {
        Api.Reply reply = audit1.get("api/transactions/" + entryId);
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    public String businessDate() {
        return super1.get("api/business-date").json().getString("businessDate");
    }
}
