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

    /** The payload fields that name a member account. */
    private static final java.util.List<String> ACCOUNT_FIELDS = java.util.List.of("fromAccount", "toAccount", "loanAccount");

    /**
     * As {@link #of(Approvals.View, AccountVisibility.Shown)}, with what a person reads the request by:
     * the member's name ({@code memberName}) and the type of each account of the request that the
     * viewer may see ({@code accountTypes}: account number to type). A rep (the maker) is shown the
     * accounts of the member served only, as in the balances; the name is the served member's, which
     * the rep sees on the desk anyway.
     */
    public static JsonObjectBuilder of(Approvals.View view, AccountVisibility.Shown viewer, ApprovalMembers members) {
        JsonObjectBuilder json = of(view, viewer);
        ApprovalRequest request = view.request();
        if (request.memberNumber() != null) {
            members.nameOf(request.memberNumber()).ifPresent(name -> json.add("memberName", name));
        }
        JsonObject payload = request.payload();
        JsonObjectBuilder types = JsonBuilders.JSON.createObjectBuilder();
        for (String field : ACCOUNT_FIELDS) {
            String account = payload.get(field) instanceof jakarta.json.JsonString text ? text.getString() : null;
            if (account != null && viewer.shows(account)) {
                members.accountTypeOf(account).ifPresent(type -> types.add(account, type));
            }
        }
        return json.add("accountTypes", types);
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
