package coop.tally.drawer;

import coop.tally.support.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP steps of {@link TellerTransferIT}: drawers opened and closed, transfers proposed and read, refusals checked. */
final class TellerTransferCalls {

    private TellerTransferCalls() {
    }

    static List<String> transferMoves(JsonObject closed) {
        return closed.getJsonArray("movements").getValuesAs(JsonObject.class).stream()
                .filter(move -> move.getString("kind").equals("TELLER_TRANSFER"))
                .map(move -> move.getJsonNumber("entryId").longValue() + " " + move.getString("direction") + " " + move.getString("amount"))
                .toList();
    }

    /** The receiver's two accepts of one transfer sent at once: "200" or "status CODE" of each, sorted. */
    static List<String> acceptTwiceAtOnce(Api rep, long transfer, String count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            replies.add(pool.submit(() -> {
                start.await();
                return rep.post(path(transfer, "accept"), count);
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<Api.Reply> reply : replies) {
            Api.Reply answer = reply.get(60, TimeUnit.SECONDS);
            assertBlind(answer);
            outcomes.add(answer.status() == 200 ? "200" : answer.status() + " " + answer.code());
        }
        pool.shutdown();
        return outcomes.stream().sorted().toList();
    }

    static long open(Api rep, String issue, String count) {
        Api.Reply opened = rep.post("api/drawers", "{\"vaultIssue\":\"" + issue + "\",\"count\":" + count + "}");
        assertEquals(201, opened.status(), opened.toString());
        return id(opened.json());
    }

    static JsonObject close(Api rep, long drawer, String count) {
        Api.Reply closed = rep.post("api/drawers/" + drawer + "/close", "{\"count\":" + count + "}");
        assertEquals(200, closed.status(), closed.toString());
        return closed.json();
    }

    static Api.Reply propose(Api rep, String toRep, String count) {
        Api.Reply reply = rep.post("api/teller-transfers", "{\"toRep\":\"" + toRep + "\",\"count\":" + count + "}");
        assertBlind(reply);
        return reply;
    }

    static JsonObject transfers(Api rep) {
        Api.Reply reply = rep.get("api/teller-transfers");
        assertEquals(200, reply.status(), reply.toString());
        assertBlind(reply);
        return reply.json();
    }

    static String path(long transfer, String step) {
        return "api/teller-transfers/" + transfer + "/" + step;
    }

    /** Nothing a rep reads about a transfer says what a drawer holds. */
    static void assertBlind(Api.Reply reply) {
        assertFalse(reply.body().contains("expected"), reply.toString());
    }

    static Api newRep(Api admin1, URL signedInAt) {
        String username = "teller-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = admin1.post("api/staff", Json.createObjectBuilder().add("username", username)
                .add("displayName", "Teller " + username).add("roles", Json.createArrayBuilder().add("REP"))
                .add("password", Api.DEMO_PASSWORD).build().toString());
        assertEquals(201, created.status(), created.toString());
        return Api.at(signedInAt).signIn(username);
    }

    static long id(JsonObject json) {
        return json.getJsonNumber("id").longValue();
    }

    static void assertProblem(int status, String code, Api.Reply reply) {
        assertEquals(status, reply.status(), reply.toString());
        assertTrue(reply.isProblem(), reply.toString());
        assertEquals(code, reply.code(), reply.toString());
    }

    static void assertInvariantsHold(Api audit1) {
        Api.Reply report = audit1.get("api/ledger/invariants");
        assertEquals(200, report.status(), report.toString());
        assertTrue(report.json().getBoolean("ok"), report.toString());
        assertEquals(0, report.json().getJsonArray("negativeCash").size(), report.toString());
    }
}
