package coop.tally.audit;

import coop.tally.ledger.GlAccounts;
import coop.tally.support.ScenarioSteps;
import coop.tally.support.TestDatabase;
import coop.tally.support.Api;
import coop.tally.support.TallyDeployment;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The auditor's guarantees against the deployed WAR: postings are sealed and checkpointed, verify
 * and replay come back clean, inclusion proofs check, the export verifies offline with the JDK-only
 * verifier (and fails with one byte changed); then the database is altered directly, one change at
 * a time, and verification must name each change, replay show the balance it moved, and each change
 * is undone before the next.
 *
 * <p>Tampering needs SQL inside the server's JVM (the database is in memory there), so this class
 * deploys the shipped WAR plus the test-only {@link TamperServlet}; the shipped WAR has no such door.
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(ScenarioSteps.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditIT {

    private static final HexFormat HEX = HexFormat.of();
    private static final Path VERIFIER = Path.of("src/main/verifier/TallyVerify.java");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TallyDeployment.shippedWar().addClass(TamperServlet.class);
    }

    @ArquillianResource
    URL deployment;

    private static URL signedInAt;

    private static Api anonymous;
    private static Api auditor;
    private static Api rep;
    private static Api supervisor;
    private static Api admin;
    private static coop.tally.posting.Calls calls;
    /** Entries this class posted, in order; deposits first (line 1 GL 2900 debit, line 2 the member credit). */
    private static final List<Long> posted = new ArrayList<>();
    private static String share;
    private static String draft;
    private static String otherShare;
    private static Instant beforeDeposits;
    /** The business day test 6 closed by opening the next one. */

    @BeforeEach
    void signIn() {
        // a rerun of the class gets a new server on another port: sign in again there
        if (auditor == null || !deployment.equals(signedInAt)) {
            signedInAt = deployment;
            anonymous = Api.at(deployment);
            auditor = anonymous.signIn("audit1");
            rep = anonymous.signIn("rep1");
            supervisor = anonymous.signIn("super1");
            admin = anonymous.signIn("admin1");
            calls = new coop.tally.posting.Calls(supervisor, admin);
        }
    }

    // ====================================================================== clean ledger

    @Test
    @Order(1)
    void only_auditors_reach_the_audit_api_and_the_public_key_is_served() {
        Api.Reply key = auditor.get("api/audit/public-key");
        assertEquals(200, key.status(), key.toString());
        assertEquals("Ed25519", key.json().getString("algorithm"));
        assertTrue(key.json().getString("publicKey").matches("[0-9a-f]{64}"), key.toString());
        assertTrue(key.json().getString("keyId").matches("[0-9a-f]{16}"), key.toString());
        assertEquals(Set.of("algorithm", "keyId", "publicKey"), key.json().keySet());

        for (Api other : List.of(rep, supervisor, admin)) {
            assertEquals(403, other.get("api/audit/public-key").status());
            assertEquals(403, other.post("api/audit/verify", "").status());
            assertEquals(403, other.post("api/audit/replay", "").status());
            assertEquals(403, other.post("api/audit/checkpoints", "").status());
        }
        assertEquals(401, anonymous.post("api/audit/verify", "").status());
    }

    @Test
    @Order(2)
    void postings_are_sealed_within_seconds_and_a_checkpoint_covers_them() throws Exception {
        JsonObject member = findMember(3);
        share = accountOf(member, "SHARE");
        draft = accountOf(member, "SHARE_DRAFT");
        otherShare = accountOf(findMember(4), "SHARE");
        beforeDeposits = Instant.now();
        TimeUnit.MILLISECONDS.sleep(20);
        posted.add(deposit(share, "20.00"));
        posted.add(deposit(draft, "35.10"));
        posted.add(deposit(share, "7.25"));
        posted.add(deposit(otherShare, "12.00"));
        posted.add(deposit(draft, "3.00"));
        posted.add(post(Json.createObjectBuilder().add("type", "TRANSFER").add("fromAccount", draft)
                .add("toAccount", share).add("amount", "5.00")));

        JsonObject verified = awaitAllSealed();
        assertTrue(verified.getBoolean("ok"), verified.toString());
        assertEquals(0, verified.getJsonArray("problems").size());

        Api.Reply created = auditor.post("api/audit/checkpoints", "");
        assertEquals(201, created.status(), created.toString());
        JsonObject checkpoint = created.json();
        assertEquals(verified.getJsonNumber("entriesChecked").longValue(), checkpoint.getJsonNumber("treeSize").longValue());
        assertEquals("ON_DEMAND", checkpoint.getString("reason"));
        assertTrue(Ed25519.verify(HEX.parseHex(publicKey()), Checkpoint.signedText(checkpoint.getJsonNumber("treeSize").longValue(),
                checkpoint.getString("rootHash"), Instant.parse(checkpoint.getString("createdAt")), "ON_DEMAND"),
                HEX.parseHex(checkpoint.getString("signature"))), "the signature checks with the served key");
        List<JsonObject> logCheckpoints = checkpoint.getJsonArray("logCheckpoints").getValuesAs(JsonObject.class);
        assertEquals(List.of("call_event", "security_event"), logCheckpoints.stream().map(c -> c.getString("log")).toList());
        for (JsonObject log : logCheckpoints) {
            byte[] signed = LogCheckpoint.signedText(log.getString("log"), log.getJsonNumber("treeSize").longValue(),
                    log.getString("rootHash"), Instant.parse(log.getString("createdAt")), "ON_DEMAND");
            assertTrue(Ed25519.verify(HEX.parseHex(publicKey()), signed, HEX.parseHex(log.getString("signature"))), log.toString());
            assertFalse(Ed25519.verify(HEX.parseHex(publicKey()), Checkpoint.signedText(log.getJsonNumber("treeSize").longValue(),
                    log.getString("rootHash"), Instant.parse(log.getString("createdAt")), "ON_DEMAND"),
                    HEX.parseHex(log.getString("signature"))), "a log checkpoint is no journal checkpoint");
        }
        assertTrue(logCheckpoints.get(1).getJsonNumber("treeSize").longValue() > 0, "sign-ins are in the security log");

        JsonObject clean = verify();
        assertTrue(clean.getBoolean("ok"), clean.toString());
        assertTrue(clean.getJsonNumber("checkpointsChecked").longValue() >= 1);
        assertEquals(clean.getJsonNumber("entriesChecked").longValue(), clean.getJsonNumber("leavesChecked").longValue());

        JsonObject replay = replay();
        assertTrue(replay.getBoolean("ok"), replay.toString());
        assertEquals(0, replay.getJsonArray("balanceDifferences").size());
        assertEquals(replay.getString("totalDebits"), replay.getString("totalCredits"));
        assertTrue(replay.getJsonArray("glBalances").getValuesAs(JsonObject.class).stream()
                .anyMatch(gl -> gl.getString("code").equals("2900")), "suspense GL reported: " + replay);

        Api.Reply events = auditor.get("api/security-log?type=AUDIT_VERIFY&staff=audit1");
        assertEquals(200, events.status(), events.toString());
        assertFalse(events.array().isEmpty(), "auditor reads are logged");

        // how long those six waited to be sealed: all sealed, within the sealer's pass of a second and the wait above
        Api.Reply lag = auditor.get("api/audit/sealing-lag?from=" + beforeDeposits);
        assertEquals(200, lag.status(), lag.toString());
        assertEquals(posted.size(), lag.json().getInt("entries"), lag.toString());
        assertEquals(posted.size(), lag.json().getInt("sealed"), lag.toString());
        assertEquals(0, lag.json().getInt("unsealed"));
        long p50 = lag.json().getJsonNumber("p50Millis").longValue();
        long p99 = lag.json().getJsonNumber("p99Millis").longValue();
        assertTrue(0 <= p50 && p50 <= p99 && p99 == lag.json().getJsonNumber("maxMillis").longValue()
                && p99 < Duration.between(beforeDeposits, Instant.now()).toMillis(), lag.toString());
        assertEquals("TIMESTAMP_INVALID", auditor.get("api/audit/sealing-lag?from=yesterday").code());
        assertEquals("FIELD_REQUIRED", auditor.get("api/audit/sealing-lag").code());
        assertEquals("WINDOW_INVALID", auditor.get("api/audit/sealing-lag?from=" + beforeDeposits + "&until=" + beforeDeposits).code());
        assertEquals(403, rep.get("api/audit/sealing-lag?from=" + beforeDeposits).status());
    }

    @Test
    @Order(3)
    void balance_as_of_a_time_is_replayed_from_the_lines() {
        BigDecimal now = balanceAt(share, Instant.now());
        BigDecimal before = balanceAt(share, beforeDeposits);
        assertEquals(new BigDecimal("32.25"), now.subtract(before), "20.00 + 7.25 + 5.00 arrived after");
        assertEquals(storedLedger(share), now);
        Api.Reply gl = auditor.get("api/audit/accounts/2900/balance");
        assertEquals(200, gl.status(), gl.toString());
        assertEquals("GL", gl.json().getString("kind"));
        assertEquals(404, auditor.get("api/audit/accounts/999999-X99/balance").status());
        assertEquals(400, auditor.get("api/audit/accounts/2900/balance?at=yesterday").status());
    }

    @Test
    @Order(4)
    void an_inclusion_proof_leads_from_the_entry_to_the_signed_root() {
        for (long entryId : posted) {
            JsonObject proof = inclusion(entryId);
            assertTrue(proof.getBoolean("verified"), proof.toString());
            List<byte[]> path = proof.getJsonArray("path").getValuesAs(JsonValue.class).stream()
                    .map(value -> HEX.parseHex(((jakarta.json.JsonString) value).getString())).toList();
            assertTrue(Merkle.verifyInclusion(proof.getJsonNumber("leafIndex").longValue(),
                    proof.getJsonNumber("treeSize").longValue(), HEX.parseHex(proof.getString("leafHash")), path,
                    HEX.parseHex(proof.getString("rootHash"))), "checked here too: " + proof);
        }
        assertEquals(404, auditor.get("api/audit/entries/99999999/inclusion").status());
        assertEquals(404, auditor.get("api/audit/entries/" + posted.get(0) + "/inclusion?checkpoint=99999").status());
    }

    @Test
    @Order(5)
    void the_export_verifies_offline_and_one_changed_byte_fails_it() throws Exception {
        String today = admin.get("api/business-date").json().getString("businessDate");
        HttpResponse<String> export = HttpClient.newHttpClient().send(HttpRequest.newBuilder(auditor.base().resolve(
                        "api/audit/export?from=" + LocalDate.parse(today).minusDays(30) + "&to=" + today))
                .header("Accept", "application/x-ndjson").header("Authorization", "Bearer " + auditor.token())
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, export.statusCode(), export.body());
        assertTrue(export.headers().firstValue("content-type").orElse("").startsWith("application/x-ndjson"),
                export.headers().toString());
        Path file = Path.of("target/audit-export.jsonl");
        Files.writeString(file, export.body(), StandardCharsets.UTF_8);
        Path proof = Path.of("target/audit-proof.json");
        Files.writeString(proof, inclusion(posted.get(2)).toString(), StandardCharsets.UTF_8);

        Run ok = runVerifier(file, "--key", publicKey(), "--entry", String.valueOf(posted.get(1)), "--proof", proof.toString());
        assertEquals(0, ok.exit(), ok.output());
        assertTrue(ok.output().startsWith("OK: "), ok.output());
        assertTrue(ok.output().contains("served proof of entry " + posted.get(2) + " verified"), ok.output());

        // one byte: a digit of the second deposit's memo, "audit test 35.10" becomes "audit test 45.10"
        String text = export.body();
        String marker = "\"memo\":\"audit test 35.10\"";
        int at = text.indexOf(marker);
        assertTrue(at > 0, "the export holds the deposit");
        Path changed = Path.of("target/audit-export-changed.jsonl");
        Files.writeString(changed, text.substring(0, at) + "\"memo\":\"audit test 45.10\"" + text.substring(at + marker.length()));
        assertEquals(Files.size(file), Files.size(changed));
        Run bad = runVerifier(changed);
        assertEquals(1, bad.exit(), bad.output());
        assertTrue(bad.output().startsWith("MISMATCH: entry " + posted.get(1) + " "), bad.output());

        Run otherKey = runVerifier(file, "--key", "00".repeat(32));
        assertEquals(1, otherKey.exit(), otherKey.output());
    }

    @Test
    @Order(6)
    void opening_a_business_day_signs_a_checkpoint() throws Exception {
        depositDay = admin.get("api/business-date").json().getString("businessDate");
        long before = checkpoints().size();
        long logsBefore = logCheckpoints().size();
        Api.Reply advanced = admin.post("api/business-date/advance", "");
        assertEquals(200, advanced.status(), advanced.toString());
        assertEquals(depositDay, advanced.json().getString("previousBusinessDate"));
        List<JsonObject> after = checkpoints();
        assertEquals(before + 1, after.size());
        assertEquals("BUSINESS_DAY", after.get(after.size() - 1).getString("reason"));
        List<JsonObject> logsAfter = logCheckpoints();
        assertEquals(logsBefore + 2, logsAfter.size(), "one for each log");
        assertEquals(Set.of("BUSINESS_DAY"), logsAfter.subList(logsAfter.size() - 2, logsAfter.size()).stream()
                .map(c -> c.getString("reason")).collect(Collectors.toSet()));
        JsonObject verify = verify();
        assertTrue(verify.getBoolean("ok"), verify.toString());
        assertTrue(verify.getJsonArray("logs").getValuesAs(JsonObject.class).stream()
                .allMatch(log -> log.getJsonNumber("checkpointsChecked").longValue() >= 2), verify.toString());
    }

    /** The business day of the class's first deposits (test 2), the one before the day test 6 opened. */
    private static String depositDay;

    // ====================================================================== trail

    private static Api rep2;
    /** Trail test entries of member five, in posting order: rep1's two deposits, then rep2's transfer. */
    private static final List<JsonObject> trailEntries = new ArrayList<>();
    private static String trailMember;
    private static String trailShare;
    private static String trailDraft;
    private static String rep1Call;
    private static String rep2Call;

    @Test
    @Order(7)
    void the_trail_finds_exactly_the_entries_of_each_filter() {
        rep2 = anonymous.signIn("rep2");
        JsonObject member = findMember(5);
        trailMember = member.getString("memberNumber");
        trailShare = accountOf(member, "SHARE");
        trailDraft = accountOf(member, "SHARE_DRAFT");
        trailEntries.add(postEntry(rep, Json.createObjectBuilder().add("type", "DEPOSIT").add("tender", "INTERNAL")
                .add("toAccount", trailShare).add("amount", "41.11").add("memo", "trail test")));
        trailEntries.add(postEntry(rep, Json.createObjectBuilder().add("type", "DEPOSIT").add("tender", "INTERNAL")
                .add("toAccount", trailDraft).add("amount", "41.12").add("memo", "trail test")));
        trailEntries.add(postEntry(rep2, Json.createObjectBuilder().add("type", "TRANSFER").add("fromAccount", trailDraft)
                .add("toAccount", trailShare).add("amount", "3.33")));
        rep1Call = trailEntries.get(0).getString("sessionId");
        rep2Call = trailEntries.get(2).getString("sessionId");
        assertEquals(rep1Call, trailEntries.get(1).getString("sessionId"));
        long e1 = id(trailEntries.get(0));
        long e2 = id(trailEntries.get(1));
        long e3 = id(trailEntries.get(2));
        // the demo data's opening balances were posted before the business day test 6 opened: today's are this test's
        String today = admin.get("api/business-date").json().getString("businessDate");
        // the day before is the previous business day, not the previous calendar day: from a Friday
        // (or the day before a holiday) the advance opens the next business day, days later
        String yesterday = depositDay;
        assertTrue(yesterday.compareTo(today) < 0, yesterday + " is before " + today);
        String m = "member=" + trailMember + "&from=" + today;

        // each item is the entry exactly as the posting answered it, newest first
        JsonObject all = trail(m);
        assertEquals(List.of(trailEntries.get(2), trailEntries.get(1), trailEntries.get(0)), all.getJsonArray("items").getValuesAs(JsonObject.class));
        assertEquals(0, all.getInt("page"));
        assertEquals(50, all.getInt("size"));

        assertEquals(List.of(e3), trailIds("staff=rep2&" + m));
        assertEquals(List.of(e2, e1), trailIds("staff=rep1&" + m));
        List<JsonObject> byRep2 = trail("staff=rep2").getJsonArray("items").getValuesAs(JsonObject.class);
        assertTrue(byRep2.stream().allMatch(e -> e.getString("postedBy").equals("rep2")), byRep2.toString());
        assertTrue(byRep2.stream().anyMatch(e -> id(e) == e3), byRep2.toString());

        assertEquals(List.of(e3, e1), trailIds("account=" + trailShare + "&from=" + today));
        assertEquals(List.of(e3, e2), trailIds("account=" + trailDraft + "&from=" + today));
        assertEquals(List.of(e2, e1), trailIds("account=2900&" + m), "a GL code matches the GL lines");

        assertEquals(List.of(e3), trailIds("call=" + rep2Call));
        assertEquals(List.of(e2, e1), trailIds("call=" + rep1Call));

        assertEquals(List.of(e3), trailIds("type=TRANSFER&" + m));
        assertEquals(List.of(e2, e1), trailIds("type=DEPOSIT&" + m));
        assertEquals(List.of(), trailIds("type=LOAN_PAYMENT&" + m));

        assertEquals(List.of(e1), trailIds("minAmount=41.11&maxAmount=41.11&" + m));
        assertEquals(List.of(e2), trailIds("minAmount=41.12&" + m));
        assertEquals(List.of(e3), trailIds("maxAmount=5&" + m));
        assertEquals(List.of(e2, e1), trailIds("minAmount=41.11&maxAmount=41.12&" + m));
        assertEquals(List.of(e3, e2, e1), trailIds("minAmount=3.33&maxAmount=41.12&" + m));

        // dates: the class's first deposits were on the day before the one opened in test 6
        String m3 = "member=" + share.substring(0, share.indexOf('-')) + "&staff=rep1";
        List<Long> member3Entries = List.of(posted.get(5), posted.get(4), posted.get(2), posted.get(1), posted.get(0));
        assertEquals(member3Entries, trailIds(m3 + "&from=" + yesterday + "&to=" + yesterday));
        assertEquals(member3Entries, trailIds(m3 + "&to=" + yesterday));
        assertEquals(List.of(), trailIds(m3 + "&from=" + today));
        assertEquals(List.of(e3, e2, e1), trailIds("member=" + trailMember + "&from=" + today + "&to=" + today));
        List<JsonObject> before = trail("member=" + trailMember + "&to=" + yesterday).getJsonArray("items")
                .getValuesAs(JsonObject.class);
        assertTrue(before.stream().allMatch(e -> e.getString("type").equals("OPENING_BALANCE")), before.toString());
        assertEquals(List.of(posted.get(3)), trailIds("member=" + otherShare.substring(0, otherShare.indexOf('-'))
                + "&from=" + yesterday + "&to=" + today + "&type=DEPOSIT&staff=rep1"));

        // paging, newest first
        JsonObject first = trail(m + "&size=2");
        assertEquals(2, first.getInt("size"));
        assertEquals(0, first.getInt("page"));
        assertEquals(List.of(e3, e2), ids(first));
        JsonObject second = trail(m + "&size=2&page=1");
        assertEquals(1, second.getInt("page"));
        assertEquals(List.of(e1), ids(second));
        assertEquals(List.of(), trailIds(m + "&size=2&page=2"));
        assertEquals(200, trail("size=200").getInt("size"));
    }

    @Test
    @Order(8)
    void only_auditors_read_the_trail_and_bad_parameters_are_problems() {
        for (Api other : List.of(rep, supervisor)) {
            assertEquals(403, other.get("api/audit/trail?member=" + trailMember).status());
            assertEquals(403, other.get("api/audit/calls/" + rep1Call + "/trail").status());
        }
        assertEquals(401, anonymous.get("api/audit/trail").status());
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("size=0", "size");
        bad.put("size=201", "size");
        bad.put("size=ten", "size");
        bad.put("page=-1", "page");
        bad.put("type=PAYMENT", "type");
        bad.put("minAmount=abc", "minAmount");
        bad.put("maxAmount=1.234", "maxAmount");
        bad.put("member=1234567890123", "member");
        for (Map.Entry<String, String> query : bad.entrySet()) {
            Api.Reply reply = auditor.get("api/audit/trail?" + query.getKey());
            assertEquals(400, reply.status(), query + " -> " + reply);
            assertTrue(reply.isProblem(), reply.toString());
            assertEquals("TRAIL_PARAM_INVALID", reply.code(), reply.toString());
            assertEquals(query.getValue(), reply.json().getString("param"), reply.toString());
        }
        // a bad date is refused as everywhere else in the API
        for (String date : List.of("from=yesterday", "to=2025-02-30")) {
            Api.Reply reply = auditor.get("api/audit/trail?" + date);
            assertEquals(400, reply.status(), date + " -> " + reply);
            assertEquals("FIELD_INVALID", reply.code(), reply.toString());
            assertEquals(date.substring(0, date.indexOf('=')), reply.json().getString("field"), reply.toString());
        }
        Api.Reply unknown = auditor.get("api/audit/trail?acount=" + trailShare);
        assertEquals(400, unknown.status(), unknown.toString());
        assertEquals("TRAIL_PARAM_UNKNOWN", unknown.code());
        assertEquals("acount", unknown.json().getString("param"));
        Api.Reply repeated = auditor.get("api/audit/trail?staff=rep1&staff=rep2");
        assertEquals("TRAIL_PARAM_REPEATED", repeated.code(), repeated.toString());
        Api.Reply range = auditor.get("api/audit/trail?minAmount=5&maxAmount=4");
        assertEquals("TRAIL_RANGE_INVALID", range.code(), range.toString());
        Api.Reply dates = auditor.get("api/audit/trail?from=2025-03-02&to=2025-03-01");
        assertEquals("TRAIL_RANGE_INVALID", dates.code(), dates.toString());
        // a value is data, never SQL
        assertEquals(List.of(), trailIds("staff=" + java.net.URLEncoder.encode("x' OR '1'='1", StandardCharsets.UTF_8)));
    }

    @Test
    @Order(9)
    void the_call_trail_lists_verification_then_postings_in_time_order() throws InterruptedException {
        Api.Reply reply = auditor.get("api/audit/calls/" + rep1Call + "/trail");
        assertEquals(200, reply.status(), reply.toString());
        List<JsonObject> items = reply.json().getJsonArray("items").getValuesAs(JsonObject.class);
        for (int i = 1; i < items.size(); i++) {
            assertFalse(Instant.parse(items.get(i).getString("at")).isBefore(Instant.parse(items.get(i - 1).getString("at"))),
                    "time order: " + items);
        }
        List<String> kinds = items.stream().map(item -> item.getString("kind").equals("ENTRY")
                ? "ENTRY " + id(item.getJsonObject("entry")) : item.getString("type")).toList();
        assertEquals("CALL_STARTED", kinds.get(0), kinds.toString());
        int identified = kinds.indexOf("MEMBER_IDENTIFIED");
        int attempt = kinds.indexOf("ATTEMPT");
        int strong = kinds.indexOf("LEVEL_REACHED");
        int firstEntry = kinds.indexOf("ENTRY " + id(trailEntries.get(0)));
        int secondEntry = kinds.indexOf("ENTRY " + id(trailEntries.get(1)));
        assertTrue(0 < identified && identified < attempt && attempt < strong && strong < firstEntry
                && firstEntry < secondEntry, kinds.toString());
        // each posting's line in the call log names its entry, and follows it
        for (int entryAt : List.of(firstEntry, secondEntry)) {
            long entryId = id(items.get(entryAt).getJsonObject("entry"));
            List<Integer> lines = new java.util.ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                JsonObject item = items.get(i);
                if (item.getString("kind").equals("EVENT") && item.getString("type").equals("POSTING")
                        && item.getString("detail", "").endsWith(", entry " + entryId)) {
                    lines.add(i);
                }
            }
            assertEquals(1, lines.size(), "one POSTING line for entry " + entryId + ": " + items);
            assertTrue(lines.get(0) > entryAt, kinds.toString());
        }
        assertEquals(2, kinds.stream().filter(k -> k.startsWith("ENTRY")).count(), kinds.toString());
        assertTrue(items.stream().filter(item -> item.getString("kind").equals("EVENT"))
                .filter(item -> item.getString("type").equals("ATTEMPT"))
                .allMatch(item -> item.getString("outcome").equals("PASS")), items.toString());
        assertEquals(trailEntries.get(0), items.get(firstEntry).getJsonObject("entry"));
        assertEquals(404, auditor.get("api/audit/calls/" + UUID.randomUUID() + "/trail").status());

        Api.Reply log = auditor.get("api/security-log?staff=audit1&type=AUDIT_TRAIL_READ&size=500");
        assertEquals(200, log.status(), log.toString());
        List<JsonObject> reads = log.array().getValuesAs(JsonObject.class);
        assertTrue(reads.stream().anyMatch(e -> ("call " + rep1Call).equals(e.getString("subject", null))
                && e.getString("detail", "").startsWith("call trail:")), reads.toString());
        assertTrue(reads.stream().anyMatch(e -> ("member " + trailMember).equals(e.getString("subject", null))
                && e.getString("detail", "").equals("member=" + trailMember + " staff=rep2 from=" + trailEntries.get(2).getString("businessDate")
                        + " page=0 size=50")), reads.toString());
        assertTrue(reads.stream().allMatch(e -> e.getString("actor").equals("audit1")), reads.toString());
        awaitAllSealed(); // the tampering tests below start from a clean, fully sealed ledger
    }

    // ====================================================================== tampering

    @Test
    @Order(10)
    void a_changed_amount_is_named_and_moves_a_balance() {
        long entry = posted.get(0);
        sql("UPDATE journal_line SET amount = amount + 1 WHERE entry_id = " + entry + " AND line_no = 2");
        JsonObject verify = verify();
        assertFalse(verify.getBoolean("ok"));
        assertNamed(verify, "LEAF_HASH_MISMATCH", "entryId", entry);
        assertTrue(kinds(verify).contains("CHECKPOINT_ROOT_MISMATCH"), verify.toString());
        assertFalse(kinds(verify).contains("LEAF_OUT_OF_ORDER"), "no untouched leaf is suspect: " + verify);
        JsonObject replay = replay();
        assertFalse(replay.getBoolean("ok"));
        assertEquals(Set.of(share), differingAccounts(replay));
        assertTrue(replay.getJsonArray("unbalancedEntries").getValuesAs(JsonObject.class).stream()
                .anyMatch(e -> e.getJsonNumber("entryId").longValue() == entry), replay.toString());

        sql("UPDATE journal_line SET amount = amount - 1 WHERE entry_id = " + entry + " AND line_no = 2");
        assertClean();
    }

    @Test
    @Order(11)
    void a_changed_memo_is_named() {
        long entry = posted.get(1);
        String memo = query("SELECT memo FROM journal_entry WHERE id = " + entry).get(0).get(0);
        sql("UPDATE journal_entry SET memo = 'nothing to see' WHERE id = " + entry);
        JsonObject verify = verify();
        assertNamed(verify, "LEAF_HASH_MISMATCH", "entryId", entry);
        assertNamed(verify, "ENTRY_NOT_AUTHENTIC", "entryId", entry);
        assertTrue(replay().getBoolean("ok"), "a memo moves no money");
        sql("UPDATE journal_entry SET memo = " + (memo == null ? "NULL" : "'" + memo.replace("'", "''") + "'")
                + " WHERE id = " + entry);
        assertClean();
    }

    @Test
    @Order(11)
    void a_posting_time_moved_after_the_sealing_is_named() {
        long entry = posted.get(5);
        List<String> row = query("SELECT e.posted_at, l.sealed_at, l.leaf_index FROM journal_entry e"
                + " JOIN merkle_leaf l ON l.entry_id = e.id WHERE e.id = " + entry).get(0);
        // five minutes after the sealing, in whole microseconds as Tally stores posting times
        String later = java.time.LocalDateTime.parse(row.get(1).replace(' ', 'T')).plusMinutes(5)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS"));
        sql("UPDATE journal_entry SET posted_at = CAST('" + later + "' AS TIMESTAMP) WHERE id = " + entry);
        JsonObject verify = verify();
        assertNamed(verify, "ENTRY_POSTED_AFTER_SEALING", "entryId", entry);
        assertNamed(verify, "ENTRY_POSTED_AFTER_SEALING", "leafIndex", Long.parseLong(row.get(2)));
        assertNamed(verify, "LEAF_HASH_MISMATCH", "entryId", entry);
        assertNamed(verify, "ENTRY_NOT_AUTHENTIC", "entryId", entry);
        sql("UPDATE journal_entry SET posted_at = CAST('" + row.get(0) + "' AS TIMESTAMP) WHERE id = " + entry);
        assertClean();
    }

    @Test
    @Order(12)
    void a_line_moved_to_another_account_is_named_and_moves_two_balances() {
        long entry = posted.get(2);
        List<String> original = query("SELECT member_account_id, account_ref FROM journal_line WHERE entry_id = "
                + entry + " AND line_no = 2").get(0);
        List<String> other = query("SELECT id, account_number FROM member_account WHERE account_number = '"
                + otherShare + "'").get(0);
        sql("UPDATE journal_line SET member_account_id = " + other.get(0) + ", account_ref = '" + other.get(1)
                + "' WHERE entry_id = " + entry + " AND line_no = 2");
        assertNamed(verify(), "LEAF_HASH_MISMATCH", "entryId", entry);
        assertEquals(Set.of(share, otherShare), differingAccounts(replay()));

        // the hashed account_ref left alone: the line's columns now disagree, and that is named too
        sql("UPDATE journal_line SET account_ref = '" + original.get(1) + "' WHERE entry_id = " + entry + " AND line_no = 2");
        JsonObject verify = verify();
        assertNamed(verify, "LINE_ACCOUNT_MISMATCH", "entryId", entry);
        assertEquals(Set.of(share, otherShare), differingAccounts(replay()));

        sql("UPDATE journal_line SET member_account_id = " + original.get(0) + " WHERE entry_id = " + entry + " AND line_no = 2");
        assertClean();
    }

    @Test
    @Order(13)
    void a_deleted_line_is_named() {
        long entry = posted.get(3);
        List<String> line = query("SELECT line_no, account_kind, account_ref, member_account_id, gl_code, side, amount"
                + " FROM journal_line WHERE entry_id = " + entry + " AND line_no = 2").get(0);
        sql("DELETE FROM journal_line WHERE entry_id = " + entry + " AND line_no = 2");
        assertNamed(verify(), "LEAF_HASH_MISMATCH", "entryId", entry);
        JsonObject replay = replay();
        assertEquals(Set.of(otherShare), differingAccounts(replay));
        assertTrue(replay.getJsonArray("unbalancedEntries").getValuesAs(JsonObject.class).stream()
                .anyMatch(e -> e.getJsonNumber("entryId").longValue() == entry), replay.toString());

        sql("INSERT INTO journal_line (entry_id, line_no, account_kind, account_ref, member_account_id, gl_code, side, amount)"
                + " VALUES (" + entry + ", " + line.get(0) + ", '" + line.get(1) + "', '" + line.get(2) + "', " + line.get(3)
                + ", NULL, '" + line.get(5) + "', " + line.get(6) + ")");
        assertClean();
    }

    @Test
    @Order(14)
    void leaves_pointed_at_each_other_s_entries_are_both_named() {
        long first = leafIndexOf(posted.get(0));
        long second = leafIndexOf(posted.get(4));
        swapLeafColumns(first, second, "entry_id");
        JsonObject verify = verify();
        assertNamed(verify, "LEAF_HASH_MISMATCH", "leafIndex", first);
        assertNamed(verify, "LEAF_HASH_MISMATCH", "leafIndex", second);
        swapLeafColumns(first, second, "entry_id");
        assertClean();
    }

    @Test
    @Order(15)
    void two_swapped_leaf_rows_break_the_signed_root_and_are_both_named() throws InterruptedException {
        long first = leafIndexOf(posted.get(0));
        // two more sealing passes after the first leaf's, whatever the machine's speed: two deposits
        // sealed, then one more sealed
        deposit(draft, "1.01");
        deposit(draft, "1.02");
        awaitAllSealed();
        deposit(draft, "1.03");
        awaitAllSealed();
        List<List<String>> later = query("SELECT leaf_index, sealed_at FROM merkle_leaf WHERE leaf_index >= " + first
                + " ORDER BY leaf_index");
        // a second leaf with at least two leaves of other sealing passes between them
        long second = -1;
        for (int candidate = 3; candidate < later.size() && second < 0; candidate++) {
            String from = later.get(0).get(1);
            String to = later.get(candidate).get(1);
            long between = later.subList(1, candidate).stream()
                    .filter(leaf -> leaf.get(1).compareTo(from) > 0 && leaf.get(1).compareTo(to) < 0).count();
            if (between >= 2) {
                second = Long.parseLong(later.get(candidate).get(0));
            }
        }
        assertTrue(second > first, "leaves of several sealing passes after leaf " + first + ": " + later);
        for (String column : List.of("entry_id", "leaf_hash", "sealed_at")) {
            swapLeafColumns(first, second, column);
        }
        JsonObject verify = verify();
        assertFalse(verify.getBoolean("ok"));
        assertFalse(kinds(verify).contains("LEAF_HASH_MISMATCH"), "each leaf still matches its entry: " + verify);
        assertTrue(kinds(verify).contains("CHECKPOINT_ROOT_MISMATCH"), verify.toString());
        assertNamed(verify, "LEAF_OUT_OF_ORDER", "leafIndex", first);
        assertNamed(verify, "LEAF_OUT_OF_ORDER", "leafIndex", second);
        assertEquals(2, problems(verify).stream().filter(p -> p.getString("kind").equals("LEAF_OUT_OF_ORDER")).count(),
                "only the two moved leaves: " + verify);
        for (String column : List.of("sealed_at", "leaf_hash", "entry_id")) {
            swapLeafColumns(first, second, column);
        }
        assertClean();
    }

    @Test
    @Order(16)
    void a_checkpoint_with_a_changed_root_fails_its_signature() {
        List<String> last = query("SELECT id, root_hash FROM audit_checkpoint ORDER BY id DESC FETCH FIRST 1 ROWS ONLY").get(0);
        String forged = (last.get(1).charAt(0) == '0' ? "1" : "0") + last.get(1).substring(1);
        sql("UPDATE audit_checkpoint SET root_hash = '" + forged + "' WHERE id = " + last.get(0));
        JsonObject verify = verify();
        assertNamed(verify, "CHECKPOINT_SIGNATURE_INVALID", "checkpoint", Long.parseLong(last.get(0)));
        assertNamed(verify, "CHECKPOINT_ROOT_MISMATCH", "checkpoint", Long.parseLong(last.get(0)));
        sql("UPDATE audit_checkpoint SET root_hash = '" + last.get(1) + "' WHERE id = " + last.get(0));
        assertClean();
    }

    @Test
    @Order(17)
    void changed_or_deleted_security_and_call_events_are_named_by_log_and_row() throws Exception {
        List<String> security = query("SELECT id, detail FROM security_event WHERE event_type = 'AUDIT_VERIFY'"
                + " ORDER BY id FETCH FIRST 1 ROWS ONLY").get(0);
        long securityId = Long.parseLong(security.get(0));
        List<String> call = query("SELECT id, staff FROM call_event WHERE call_id = '" + rep1Call + "'"
                + " ORDER BY id FETCH FIRST 1 ROWS ONLY").get(0);
        long callEventId = Long.parseLong(call.get(0));
        awaitLogRowSealed("security_event", securityId);
        awaitLogRowSealed("call_event", callEventId);
        assertEquals(201, auditor.post("api/audit/checkpoints", "").status(), "log checkpoints covering both rows");
        JsonObject before = verify();
        assertTrue(before.getBoolean("ok"), before.toString());
        assertTrue(before.getJsonArray("logs").getValuesAs(JsonObject.class).stream()
                .allMatch(log -> log.getJsonNumber("leavesChecked").longValue() > 0), before.toString());

        sql("UPDATE security_event SET detail = 'nothing happened' WHERE id = " + securityId);
        sql("UPDATE call_event SET staff = 'nobody' WHERE id = " + callEventId);
        JsonObject verify = verify();
        assertFalse(verify.getBoolean("ok"));
        assertLogRowNamed(verify, "LOG_LEAF_HASH_MISMATCH", "security_event", securityId);
        assertLogRowNamed(verify, "LOG_LEAF_HASH_MISMATCH", "call_event", callEventId);
        assertLogRowNamed(verify, "LOG_ROW_NOT_AUTHENTIC", "security_event", securityId);
        assertLogRowNamed(verify, "LOG_ROW_NOT_AUTHENTIC", "call_event", callEventId);
        assertEquals(4, problems(verify).stream().filter(p -> !p.getString("kind").equals("LOG_CHECKPOINT_ROOT_MISMATCH"))
                .count(), "only the two rows: " + verify);
        for (String log : List.of("security_event", "call_event")) {
            assertTrue(problems(verify).stream().anyMatch(p -> p.getString("kind").equals("LOG_CHECKPOINT_ROOT_MISMATCH")
                    && log.equals(p.getString("log", null)) && p.containsKey("checkpoint")), log + " checkpoint named: " + verify);
        }

        Path export = exportLastMonth("target/audit-export-log-changed.jsonl");
        Run offline = runVerifier(export, "--key", publicKey());
        assertEquals(1, offline.exit(), offline.output());
        assertTrue(offline.output().startsWith("MISMATCH: call_event row " + callEventId + " does not hash to its leaf"),
                offline.output());
        sql("UPDATE call_event SET staff = " + sqlText(call.get(1)) + " WHERE id = " + callEventId);
        offline = runVerifier(exportLastMonth("target/audit-export-log-changed.jsonl"), "--key", publicKey());
        assertEquals(1, offline.exit(), offline.output());
        assertTrue(offline.output().startsWith("MISMATCH: security_event row " + securityId + " does not hash to its leaf"),
                offline.output());

        sql("UPDATE security_event SET detail = " + sqlText(security.get(1)) + " WHERE id = " + securityId);
        assertClean();
        offline = runVerifier(exportLastMonth("target/audit-export-log-restored.jsonl"), "--key", publicKey());
        assertEquals(0, offline.exit(), offline.output());
        assertTrue(offline.output().matches("(?s)OK: .*; call_event: [1-9][0-9]* leaves, [1-9][0-9]* rows, [1-9][0-9]* checkpoints;"
                + " security_event: [1-9][0-9]* leaves, [1-9][0-9]* rows, [1-9][0-9]* checkpoints\\s*"), offline.output());

        List<String> deleted = query("SELECT id, occurred_at, event_type, actor, subject, detail, remote_addr"
                + " FROM security_event WHERE id = " + securityId).get(0);
        sql("DELETE FROM security_event WHERE id = " + securityId);
        JsonObject missing = verify();
        assertLogRowNamed(missing, "LOG_ROW_MISSING", "security_event", securityId);
        Run deletedOffline = runVerifier(exportLastMonth("target/audit-export-log-deleted.jsonl"), "--key", publicKey());
        assertEquals(1, deletedOffline.exit(), deletedOffline.output());
        assertTrue(deletedOffline.output().matches("(?s)MISMATCH: security_event leaf [0-9]+ seals row " + securityId
                + ", which is no longer in the log.*"), deletedOffline.output());
        sql("INSERT INTO security_event (id, occurred_at, event_type, actor, subject, detail, remote_addr) VALUES ("
                + securityId + ", CAST('" + deleted.get(1) + "' AS TIMESTAMP), " + sqlText(deleted.get(2)) + ", "
                + sqlText(deleted.get(3)) + ", " + sqlText(deleted.get(4)) + ", " + sqlText(deleted.get(5)) + ", "
                + sqlText(deleted.get(6)) + ")");
        assertClean();
    }

    @Test
    @Order(18)
    void a_log_checkpoint_with_a_changed_root_fails_its_signature() {
        List<String> last = query("SELECT id, root_hash FROM log_checkpoint WHERE log_name = 'call_event'"
                + " ORDER BY id DESC FETCH FIRST 1 ROWS ONLY").get(0);
        long id = Long.parseLong(last.get(0));
        String forged = (last.get(1).charAt(0) == '0' ? "1" : "0") + last.get(1).substring(1);
        sql("UPDATE log_checkpoint SET root_hash = '" + forged + "' WHERE id = " + id);
        JsonObject verify = verify();
        for (String kind : List.of("LOG_CHECKPOINT_SIGNATURE_INVALID", "LOG_CHECKPOINT_ROOT_MISMATCH")) {
            assertTrue(problems(verify).stream().anyMatch(p -> p.getString("kind").equals(kind)
                    && "call_event".equals(p.getString("log", null)) && p.getJsonNumber("checkpoint").longValue() == id),
                    kind + " of call_event checkpoint " + id + " in " + verify);
        }
        sql("UPDATE log_checkpoint SET root_hash = '" + last.get(1) + "' WHERE id = " + id);
        assertClean();
    }

    @Test
    @Order(19)
    void consistency_proofs_lead_from_an_older_checkpoint_to_a_newer_one_of_the_same_tree() {
        List<JsonObject> journal = checkpoints();
        assertTrue(journal.size() >= 3, journal.toString());
        assertConsistent("journal", journal.get(0), journal.get(journal.size() - 1));
        assertConsistent("journal", journal.get(1), journal.get(journal.size() - 2));
        for (String log : List.of("call_event", "security_event")) {
            List<JsonObject> heads = logCheckpoints().stream().filter(c -> c.getString("log").equals(log)).toList();
            assertTrue(heads.size() >= 3, heads.toString());
            assertConsistent(log, heads.get(0), heads.get(heads.size() - 1));
            assertConsistent(log, heads.get(1), heads.get(heads.size() - 1));
        }
        long newestJournal = journal.get(journal.size() - 1).getJsonNumber("id").longValue();
        long oldestJournal = journal.get(0).getJsonNumber("id").longValue();
        assertEquals(422, auditor.get("api/audit/consistency?tree=journal&first=" + newestJournal + "&second=" + oldestJournal)
                .status());
        Api.Reply unknownTree = auditor.get("api/audit/consistency?tree=ledger&first=" + oldestJournal);
        assertEquals(400, unknownTree.status());
        assertEquals("TREE_UNKNOWN", unknownTree.json().getString("code"));
        Api.Reply unknown = auditor.get("api/audit/consistency?tree=security_event&first=" + (newestJournal + 100_000));
        assertEquals(404, unknown.status());
        assertEquals("CHECKPOINT_NOT_FOUND", unknown.json().getString("code"));
        assertEquals(400, auditor.get("api/audit/consistency?tree=journal").status());
        assertEquals(403, rep.get("api/audit/consistency?tree=journal&first=" + oldestJournal).status());

        // inclusion of one security-log row in the newest checkpoint of that log
        String row = query("SELECT row_id FROM log_leaf WHERE log_name = 'security_event' AND leaf_index = 0").get(0).get(0);
        Api.Reply inclusion = auditor.get("api/audit/logs/security_event/rows/" + row + "/inclusion");
        assertEquals(200, inclusion.status(), inclusion.toString());
        JsonObject proof = inclusion.json();
        assertTrue(proof.getBoolean("verified"), proof.toString());
        JsonObject head = proof.getJsonObject("checkpoint");
        assertTrue(Merkle.verifyInclusion(0, head.getJsonNumber("treeSize").longValue(), HEX.parseHex(proof.getString("leafHash")),
                hexes(proof.getJsonArray("path")), HEX.parseHex(head.getString("rootHash"))), proof.toString());
        assertEquals(404, auditor.get("api/audit/logs/security_event/rows/99999999/inclusion").status());
        assertEquals(404, auditor.get("api/audit/logs/journal_line/rows/" + row + "/inclusion").status());
    }

    private void assertConsistent(String tree, JsonObject first, JsonObject second) {
        Api.Reply reply = auditor.get("api/audit/consistency?tree=" + tree + "&first=" + first.getJsonNumber("id")
                + "&second=" + second.getJsonNumber("id"));
        assertEquals(200, reply.status(), reply.toString());
        JsonObject proof = reply.json();
        assertTrue(proof.getBoolean("verified"), proof.toString());
        assertTrue(Merkle.verifyConsistency(first.getJsonNumber("treeSize").longValue(), second.getJsonNumber("treeSize")
                .longValue(), HEX.parseHex(first.getString("rootHash")), HEX.parseHex(second.getString("rootHash")),
                hexes(proof.getJsonArray("path"))), "checked here too against the listed checkpoints: " + proof);
    }

    private static List<byte[]> hexes(JsonArray values) {
        return values.getValuesAs(jakarta.json.JsonString.class).stream().map(v -> HEX.parseHex(v.getString())).toList();
    }

    private Path exportLastMonth(String file) throws IOException, InterruptedException {
        String today = admin.get("api/business-date").json().getString("businessDate");
        HttpResponse<String> export = HttpClient.newHttpClient().send(HttpRequest.newBuilder(auditor.base().resolve(
                        "api/audit/export?from=" + LocalDate.parse(today).minusDays(30) + "&to=" + today))
                .header("Accept", "application/x-ndjson").header("Authorization", "Bearer " + auditor.token())
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, export.statusCode(), export.body());
        Path path = Path.of(file);
        Files.writeString(path, export.body(), StandardCharsets.UTF_8);
        return path;
    }

    private List<JsonObject> logCheckpoints() {
        Api.Reply reply = auditor.get("api/audit/checkpoints");
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().getJsonArray("logCheckpoints").getValuesAs(JsonObject.class);
    }

    private static String sqlText(String value) {
        return value == null ? "NULL" : "'" + value.replace("'", "''") + "'";
    }

    private void awaitLogRowSealed(String log, long rowId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (query("SELECT leaf_index FROM log_leaf WHERE log_name = '" + log + "' AND row_id = " + rowId).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(log + " row " + rowId + " not sealed within 30 s");
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
    }

    private static void assertLogRowNamed(JsonObject verify, String kind, String log, long rowId) {
        assertTrue(problems(verify).stream().anyMatch(p -> p.getString("kind").equals(kind)
                && log.equals(p.getString("log", null)) && p.containsKey("rowId")
                && p.getJsonNumber("rowId").longValue() == rowId), kind + " " + log + " row " + rowId + " in " + verify);
    }

    @Test
    @Order(20)
    void an_entry_and_a_log_row_inserted_behind_tallys_back_are_never_sealed_and_are_named() throws Exception {
        // dated to a business day already past (test 6 opened the next one), posted "in five minutes"
        String date = query("SELECT business_date FROM journal_entry WHERE id = " + posted.get(0)).get(0).get(0);
        String today = auditor.get("api/business-date").json().getString("businessDate");
        assertTrue(date.compareTo(today) < 0, date + " is a past business day, today is " + today);
        String accountId = query("SELECT id FROM member_account WHERE account_number = '" + share + "'").get(0).get(0);
        sql("INSERT INTO journal_entry (entry_type, business_date, posted_at, posted_by, memo) VALUES ('DEPOSIT', '"
                + date + "', {fn TIMESTAMPADD(SQL_TSI_MINUTE, 5, CURRENT_TIMESTAMP)}, 'rep1', 'backdated')");
        long entry = Long.parseLong(query("SELECT MAX(id) FROM journal_entry").get(0).get(0));
        sql("INSERT INTO journal_line (entry_id, line_no, account_kind, account_ref, member_account_id, gl_code, side, amount)"
                + " VALUES (" + entry + ", 1, 'G', '2900', NULL, '2900', 'D', 500.00)");
        sql("INSERT INTO journal_line (entry_id, line_no, account_kind, account_ref, member_account_id, gl_code, side, amount)"
                + " VALUES (" + entry + ", 2, 'M', '" + share + "', " + accountId + ", NULL, 'C', 500.00)");
        sql("INSERT INTO security_event (occurred_at, event_type, actor, subject, detail) VALUES (CURRENT_TIMESTAMP,"
                + " 'SIGN_IN', 'admin1', 'admin1', 'inserted')");
        long securityId = Long.parseLong(query("SELECT MAX(id) FROM security_event WHERE detail = 'inserted'").get(0).get(0));

        // the sealer keeps sealing what Tally wrote, and leaves these two out
        long next = deposit(share, "1.50");
        awaitSealed(next);
        TimeUnit.SECONDS.sleep(2);
        assertTrue(query("SELECT leaf_index FROM merkle_leaf WHERE entry_id = " + entry).isEmpty(), "the inserted entry is not sealed");
        assertTrue(query("SELECT leaf_index FROM log_leaf WHERE log_name = 'security_event' AND row_id = " + securityId).isEmpty(),
                "the inserted security event is not sealed");

        JsonObject verify = verify();
        assertNamed(verify, "ENTRY_NOT_AUTHENTIC", "entryId", entry);
        assertNamed(verify, "ENTRY_BACKDATED_WITHOUT_APPROVAL", "entryId", entry);
        assertLogRowNamed(verify, "LOG_ROW_NOT_AUTHENTIC", "security_event", securityId);
        assertEquals(Set.of("ENTRY_NOT_AUTHENTIC", "ENTRY_BACKDATED_WITHOUT_APPROVAL", "LOG_ROW_NOT_AUTHENTIC"), kinds(verify),
                "nothing else is named: " + verify);
        assertEquals(Set.of(share), differingAccounts(replay()));
        assertEquals(201, auditor.post("api/audit/checkpoints", "").status(), "a checkpoint leaves them out too");
        assertTrue(query("SELECT leaf_index FROM merkle_leaf WHERE entry_id = " + entry).isEmpty());
    }

    @Test
    @Order(21)
    void the_demo_conversion_is_one_opening_entry_per_member_and_one_for_the_vaults_cash() {
        List<JsonObject> vault = trail("account=" + GlAccounts.VAULT_CASH + "&type=OPENING_BALANCE").getJsonArray("items")
                .getValuesAs(JsonObject.class);
        assertEquals(1, vault.size(), vault.toString());
        List<String> lines = vault.get(0).getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .map(line -> line.getString("account") + " " + line.getString("side") + " " + line.getString("amount")).toList();
        assertEquals(List.of(GlAccounts.VAULT_CASH + " DEBIT 1000000.00", GlAccounts.OPENING_BALANCE_EQUITY + " CREDIT 1000000.00"), lines);

        // every other opening entry is one member's: their accounts, balanced against conversion equity
        List<JsonObject> openings = trail("type=OPENING_BALANCE&size=100").getJsonArray("items").getValuesAs(JsonObject.class);
        Set<String> members = new java.util.HashSet<>();
        for (JsonObject entry : openings) {
            List<JsonObject> entryLines = entry.getJsonArray("lines").getValuesAs(JsonObject.class);
            Set<String> owners = entryLines.stream().filter(line -> line.getString("accountKind").equals("MEMBER"))
                    .map(line -> line.getString("account").substring(0, line.getString("account").indexOf('-')))
                    .collect(Collectors.toSet());
            assertTrue(owners.size() <= 1, "one member per opening entry: " + entry);
            assertTrue(owners.isEmpty() == (entry.getJsonNumber("id").longValue() == vault.get(0).getJsonNumber("id").longValue()),
                    entry.toString());
            assertTrue(members.addAll(owners) || owners.isEmpty(), "one opening entry per member: " + entry);
            java.math.BigDecimal net = entryLines.stream().map(line -> new java.math.BigDecimal(line.getString("amount"))
                    .multiply(line.getString("side").equals("DEBIT") ? java.math.BigDecimal.ONE : java.math.BigDecimal.ONE.negate()))
                    .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
            assertEquals(0, net.signum(), "balanced: " + entry);
        }
        assertTrue(members.contains("100001") && members.size() > 1, members.toString());
    }

    @Test
    @Order(22)
    void rows_that_cannot_be_encoded_stop_neither_the_sealers_nor_verify() throws Exception {
        assumeFalse(TestDatabase.isPostgres(), "PostgreSQL stores only well-formed UTF-8 text, and its constraints the"
                + " rest: no row there can hold what the canonical encoder refuses");
        // a memo and a call note with a lone surrogate, written straight into the database
        long entry = posted.get(1);
        String memo = query("SELECT memo FROM journal_entry WHERE id = " + entry).get(0).get(0);
        Api.Reply changed = anonymous.post("test-only/sql?unescape", "UPDATE journal_entry SET memo = 'x\\ud800y' WHERE id = " + entry);
        assertEquals(200, changed.status(), changed.toString());
        Api.Reply inserted = anonymous.post("test-only/sql?unescape", "INSERT INTO journal_entry (entry_type, business_date,"
                + " posted_at, posted_by, memo) VALUES ('DEPOSIT', CURRENT_DATE, CURRENT_TIMESTAMP, 'rep1', 'x\\ud800y')");
        assertEquals(200, inserted.status(), inserted.toString());
        long unreadable = Long.parseLong(query("SELECT MAX(id) FROM journal_entry").get(0).get(0));
        Api.Reply note = anonymous.post("test-only/sql?unescape", "INSERT INTO call_event (call_id, occurred_at, staff,"
                + " event_type, detail) VALUES ('" + rep1Call + "', CURRENT_TIMESTAMP, 'rep1', 'NOTE', 'x\\udc00y')");
        assertEquals(200, note.status(), note.toString());
        long noteId = Long.parseLong(query("SELECT MAX(id) FROM call_event").get(0).get(0));

        // postings and their call-log rows after them are still sealed
        long next = deposit(share, "2.25");
        awaitSealed(next);
        long nextCallRow = Long.parseLong(query("SELECT MAX(id) FROM call_event").get(0).get(0));
        assertTrue(nextCallRow > noteId, "the deposit's call logged after the note");
        awaitLogRowSealed("call_event", nextCallRow);

        JsonObject verify = verify();
        assertNamed(verify, "ENTRY_UNREADABLE", "entryId", entry);
        assertNamed(verify, "ENTRY_UNREADABLE", "entryId", unreadable);
        assertLogRowNamed(verify, "LOG_ROW_UNREADABLE", "call_event", noteId);
        Api.Reply checkpoint = auditor.post("api/audit/checkpoints", "");
        assertEquals(201, checkpoint.status(), checkpoint.toString());
        assertEquals(200, auditor.post("api/audit/verify", "").status());

        sql("UPDATE journal_entry SET memo = " + sqlText(memo) + " WHERE id = " + entry);
        assertTrue(problems(verify()).stream().noneMatch(p -> p.getString("kind").equals("LEAF_HASH_MISMATCH")
                && p.getJsonNumber("entryId").longValue() == entry), "the restored memo hashes to its leaf again");
    }

    // ====================================================================== helpers

    private void awaitSealed(long entryId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (query("SELECT leaf_index FROM merkle_leaf WHERE entry_id = " + entryId).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("entry " + entryId + " not sealed within 30 s");
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
    }

    /** Posts as {@code staff} inside a call verified (STRONG) for the member whose money moves; the entry as answered. */
    private JsonObject postEntry(Api staff, jakarta.json.JsonObjectBuilder body) {
        JsonObject request = body.build();
        String account = request.containsKey("fromAccount") ? request.getString("fromAccount") : request.getString("toAccount");
        String callId = calls.verifiedCall(staff, account.substring(0, account.indexOf('-')), "STRONG");
        request = Json.createObjectBuilder(request).add("sessionId", callId).build();
        Api.Reply reply = staff.post("api/transactions", request.toString(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(201, reply.status(), reply.toString());
        return reply.json().getJsonObject("entry");
    }

    private JsonObject trail(String query) {
        Api.Reply reply = auditor.get("api/audit/trail?" + query);
        assertEquals(200, reply.status(), query + " -> " + reply);
        return reply.json();
    }

    private List<Long> trailIds(String query) {
        return ids(trail(query));
    }

    private static List<Long> ids(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(AuditIT::id).toList();
    }

    private static long id(JsonObject entry) {
        return entry.getJsonNumber("id").longValue();
    }

    private JsonObject findMember(int offset) {
        for (int number = 100003; number <= 100050; number++) {
            Api.Reply reply = supervisor.get("api/members/" + number);
            if (reply.status() != 200 || !"ACTIVE".equals(reply.json().getString("status"))) {
                continue;
            }
            JsonObject member = reply.json();
            if (accountOrNull(member, "SHARE") != null && accountOrNull(member, "SHARE_DRAFT") != null && --offset == 0) {
                return member;
            }
        }
        throw new AssertionError("no demo member with an active share and share draft");
    }

    private static String accountOf(JsonObject member, String type) {
        String number = accountOrNull(member, type);
        if (number == null) {
            throw new AssertionError("no " + type);
        }
        return number;
    }

    private static String accountOrNull(JsonObject member, String type) {
        return member.getJsonArray("accounts").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("type").equals(type) && a.getString("status").equals("ACTIVE"))
                .map(a -> a.getString("accountNumber")).findFirst().orElse(null);
    }

    private long deposit(String account, String amount) {
        return post(Json.createObjectBuilder().add("type", "DEPOSIT").add("tender", "INTERNAL")
                .add("toAccount", account).add("amount", amount).add("memo", "audit test " + amount));
    }

    /** Posts as rep1 inside a call verified (STRONG) for the member whose account the money leaves or enters. */
    private long post(jakarta.json.JsonObjectBuilder body) {
        JsonObject request = body.build();
        String account = request.containsKey("fromAccount") ? request.getString("fromAccount") : request.getString("toAccount");
        String callId = calls.verifiedCall(rep, account.substring(0, account.indexOf('-')), "STRONG");
        request = Json.createObjectBuilder(request).add("sessionId", callId).build();
        Api.Reply reply = rep.post("api/transactions", request.toString(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(201, reply.status(), reply.toString());
        return reply.json().getJsonObject("entry").getJsonNumber("id").longValue();
    }

    private BigDecimal storedLedger(String account) {
        return new BigDecimal(query("SELECT ledger_balance FROM member_account WHERE account_number = '" + account + "'")
                .get(0).get(0));
    }

    private JsonObject awaitAllSealed() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            JsonObject verify = verify();
            if (verify.getJsonNumber("leavesChecked").longValue() == verify.getJsonNumber("entriesChecked").longValue()) {
                return verify;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not sealed within 30 s: " + verify);
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
    }

    private JsonObject verify() {
        Api.Reply reply = auditor.post("api/audit/verify", "");
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    private JsonObject replay() {
        Api.Reply reply = auditor.post("api/audit/replay", "");
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    private BigDecimal balanceAt(String account, Instant at) {
        Api.Reply reply = auditor.get("api/audit/accounts/" + account + "/balance?at=" + at);
        assertEquals(200, reply.status(), reply.toString());
        return new BigDecimal(reply.json().getString("balance"));
    }

    private JsonObject inclusion(long entryId) {
        Api.Reply reply = auditor.get("api/audit/entries/" + entryId + "/inclusion");
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    private List<JsonObject> checkpoints() {
        Api.Reply reply = auditor.get("api/audit/checkpoints");
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().getJsonArray("checkpoints").getValuesAs(JsonObject.class);
    }

    private String publicKey() {
        return auditor.get("api/audit/public-key").json().getString("publicKey");
    }

    private long leafIndexOf(long entryId) {
        return Long.parseLong(query("SELECT leaf_index FROM merkle_leaf WHERE entry_id = " + entryId).get(0).get(0));
    }

    private void swapLeafColumns(long first, long second, String column) {
        List<String> a = query("SELECT " + column + " FROM merkle_leaf WHERE leaf_index = " + first).get(0);
        List<String> b = query("SELECT " + column + " FROM merkle_leaf WHERE leaf_index = " + second).get(0);
        boolean number = column.equals("entry_id");
        String parked = number ? "-1" : column.equals("sealed_at") ? "'1970-01-01 00:00:00'" : "'" + "f".repeat(64) + "'";
        // in one transaction: the sealer seals an entry that has lost its leaf, and must not see one half-way
        Api.Reply reply = anonymous.post("test-only/sql?together", String.join("\n",
                "UPDATE merkle_leaf SET " + column + " = " + parked + " WHERE leaf_index = " + first,
                "UPDATE merkle_leaf SET " + column + " = " + quote(a.get(0), number) + " WHERE leaf_index = " + second,
                "UPDATE merkle_leaf SET " + column + " = " + quote(b.get(0), number) + " WHERE leaf_index = " + first));
        assertEquals(200, reply.status(), "swapping " + column + " of leaves " + first + " and " + second + " -> " + reply);
        assertEquals(3, reply.json().getInt("updated"), reply.toString());
    }

    private static String quote(String value, boolean number) {
        return number ? value : "'" + value + "'";
    }

    private void assertClean() {
        JsonObject verify = verify();
        assertTrue(verify.getBoolean("ok"), "undone: " + verify);
        JsonObject replay = replay();
        assertTrue(replay.getBoolean("ok"), "undone: " + replay);
    }

    private static List<JsonObject> problems(JsonObject verify) {
        return verify.getJsonArray("problems").getValuesAs(JsonObject.class);
    }

    private static Set<String> kinds(JsonObject verify) {
        return problems(verify).stream().map(p -> p.getString("kind")).collect(Collectors.toSet());
    }

    private static void assertNamed(JsonObject verify, String kind, String field, long value) {
        assertTrue(problems(verify).stream().anyMatch(p -> p.getString("kind").equals(kind) && p.containsKey(field)
                && p.getJsonNumber(field).longValue() == value), kind + " " + field + "=" + value + " in " + verify);
    }

    private static Set<String> differingAccounts(JsonObject replay) {
        return replay.getJsonArray("balanceDifferences").getValuesAs(JsonObject.class).stream()
                .map(d -> d.getString("account")).collect(Collectors.toSet());
    }

    private void sql(String statement) {
        Api.Reply reply = anonymous.post("test-only/sql", statement);
        assertEquals(200, reply.status(), statement + " -> " + reply);
    }

    private List<List<String>> query(String select) {
        Api.Reply reply = anonymous.post("test-only/sql?query", select);
        assertEquals(200, reply.status(), select + " -> " + reply);
        List<List<String>> rows = new ArrayList<>();
        for (JsonArray row : reply.array().getValuesAs(JsonArray.class)) {
            List<String> values = new ArrayList<>();
            for (JsonValue value : row) {
                values.add(value.getValueType() == JsonValue.ValueType.NULL ? null : ((jakarta.json.JsonString) value).getString());
            }
            rows.add(values);
        }
        return rows;
    }

    private record Run(int exit, String output) {
    }

    private static Run runVerifier(Path export, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                VERIFIER.toString(), export.toString()));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "verifier finished");
        return new Run(process.exitValue(), output);
    }
}
