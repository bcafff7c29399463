package coop.tally.account;

import coop.tally.support.Api;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The desk's account requests as the tests send them: bodies, idempotency keys, and the answers they require. */
final class AccountRequests {

    private AccountRequests() {
    }

    static Api.Reply open(Api staff, String key, JsonObjectBuilder body) {
        return staff.post("api/desk/accounts", body.build().toString(), Map.of("Idempotency-Key", key));
    }

    static Api.Reply open(Api staff, JsonObjectBuilder body) {
        return open(staff, UUID.randomUUID().toString(), body);
    }

    static JsonObjectBuilder account(String type, String tender, String amount, String fromAccount) {
        JsonObjectBuilder deposit = Json.createObjectBuilder().add("tender", tender).add("amount", amount);
        if (fromAccount != null) {
            deposit.add("fromAccount", fromAccount);
        }
        return Json.createObjectBuilder().add("type", type).add("deposit", deposit);
    }

    static JsonObjectBuilder certificate(int months, String rate, String amount, String fromAccount) {
        return account("CERTIFICATE", "ACCOUNT", amount, fromAccount).add("termMonths", months).add("annualRate", rate);
    }

    /** Opens and requires 201; answers the new account's number. */
    static String opened(Api staff, JsonObjectBuilder body) {
        Api.Reply reply = open(staff, body);
        assertEquals(201, reply.status(), reply.toString());
        assertEquals("POSTED", reply.json().getString("depositResult"), reply.toString());
        return reply.json().getJsonObject("account").getString("accountNumber");
    }

    static Api.Reply close(Api staff, String account, JsonObjectBuilder body) {
        return staff.post("api/desk/accounts/" + account + "/close", body.build().toString(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    static JsonObjectBuilder payout(String payout) {
        return Json.createObjectBuilder().add("payout", payout);
    }

    static JsonObjectBuilder transferTo(String toAccount) {
        return payout("TRANSFER").add("toAccount", toAccount);
    }

    static String callEvents(Api staff, String callId) {
        Api.Reply call = staff.get("api/calls/" + callId);
        assertEquals(200, call.status(), call.toString());
        return call.json().getJsonArray("events").toString();
    }
}
