package coop.tally.approval;

import coop.tally.web.JsonBuilders;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * The JSON shape of an approval request and its appended events, as {@code viewer} may see it: the
 * balances checked are kept for every account when the request is raised (the supervisor deciding
 * sees them all), and a rep is shown only those of the member the request is for.
 */
public final class ApprovalJson {

    private ApprovalJson() {
    }

    public static JsonObjectBuilder of(Approvals.View view, AccountVisibility.Shown viewer) {
        ApprovalRequest request = view.request();
        JsonObjectBuilder json = JsonBuilders.JSON.createObjectBuilder()
                .add("id", request.id())
                .add("kind", request.kind().name())
                .add("status", view.status().name())
                .add("requestedBy", request.requestedBy())
                .add("requestedAt", request.requestedAt().toString())
                .add("expiresAt", request.expiresAt().toString())
                .add("summary", request.summary());
        if (request.sessionId() != null) {
            json.add("sessionId", request.sessionId());
        }
        if (request.memberNumber() != null) {
            json.add("memberNumber", request.memberNumber());
        }
        json.add("request", request.payload()).add("reasons", request.reasons()).add("balancesChecked", visible(request.balances(), viewer));
        var events = JsonBuilders.JSON.createArrayBuilder();
        JsonObjectBuilder outcome = null;
        for (ApprovalEvent event : view.events()) {
            JsonObjectBuilder item = JsonBuilders.JSON.createObjectBuilder()
                    .add("type", event.type().name())
                    .add("at", event.occurredAt().toString())
                    .add("actor", event.actor());
            if (event.reason() != null) {
                item.add("reason", event.reason());
            }
            if (event.code() != null) {
                item.add("code", event.code());
            }
            if (event.entryId() != null) {
                item.add("entryId", event.entryId());
            }
            events.add(item);
            if (event.type() == ApprovalEvent.Type.EXECUTED || event.type() == ApprovalEvent.Type.REFUSED) {
                outcome = JsonBuilders.JSON.createObjectBuilder()
                        .add("result", event.type().name());
                if (event.code() != null) {
                    outcome.add("code", event.code());
                }
                if (event.entryId() != null) {
                    outcome.add("entryId", event.entryId());
                }
                if (event.outcome() != null) {
                    outcome.add("detail", read(event.outcome()));
                }
            }
        }
        json.add("events", events);
        if (outcome != null) {
            json.add("outcome", outcome);
        }
        return json;
    }

    /** Balances of member accounts ({@code "account"}) the viewer may not see are left out; other items (a drawer's) stay. */
    private static JsonArray visible(JsonArray balances, AccountVisibility.Shown viewer) {
        JsonArrayBuilder shown = JsonBuilders.JSON.createArrayBuilder();
        for (JsonValue item : balances) {
            boolean otherMembers = item instanceof JsonObject balance && balance.containsKey("account")
                    && !viewer.shows(balance.getString("account"));
            if (!otherMembers) {
                shown.add(item);
            }
        }
        return shown.build();
    }

    private static JsonObject read(String text) {
        try (var reader = JsonBuilders.JSON.createReader(new java.io.StringReader(text))) {
            return reader.readObject();
        }
    }
}
