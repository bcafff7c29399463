package coop.tally.dayclose;

import coop.tally.support.Api;
import jakarta.json.JsonObject;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The requests {@link DayCloseIT} sends, and what it checks of a problem. */
final class DayCloseRequests {

    private DayCloseRequests() {
    }

    /** A GET that accepts CSV (the API client asks for JSON). */
    static Api.Reply csv(Api staff, String path) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(staff.base().resolve(path))
                    .header("Accept", "text/csv").header("Authorization", "Bearer " + staff.token())
                    .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            return new Api.Reply(response.statusCode(), headers, response.body());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static Api.Reply close(Api staff, LocalDate day) {
        return staff.post("api/business-day/close", "{\"businessDate\":\"" + day + "\"}");
    }

    static Api.Reply transaction(Api staff, jakarta.json.JsonObjectBuilder body) {
        return staff.post("api/transactions", body.build().toString(), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    static JsonObject posted(Api.Reply reply) {
        assertEquals(201, reply.status(), reply.toString());
        return reply.json();
    }

    static void assertProblem(int status, String code, Api.Reply reply) {
        assertEquals(status, reply.status(), reply.toString());
        assertTrue(reply.isProblem(), reply.toString());
        if (code != null) {
            assertEquals(code, reply.code(), reply.toString());
        }
    }
}
