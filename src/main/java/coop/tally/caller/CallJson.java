package coop.tally.caller;

import coop.tally.web.JsonBuilders;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** JSON shapes of calls, their logs, attempts and the outbox. */
public final class CallJson {

    private CallJson() {
    }

    static JsonObject call(CallService.CallView view) {
        MemberCall call = view.call();
        JsonObjectBuilder json = JsonBuilders.JSON.createObjectBuilder()
                .add("id", call.id())
                .add("channel", call.channel().name())
                .add("state", view.state().name())
                .add("startedBy", call.startedBy())
                .add("handledBy", call.handledBy())
                .add("startedAt", call.startedAt().toString())
                .add("lastActivityAt", call.lastActivityAt().toString())
                .add("level", call.level().name());
        if (!call.isVisit()) {
            json.add("ani", call.ani());
        }
        if (call.photoId() != null) {
            json.add("photoId", JsonBuilders.JSON.createObjectBuilder()
                    .add("type", call.photoId().type().name())
                    .add("last4", call.photoId().last4())
                    .add("expires", call.photoId().expires().toString()));
        }
        if (call.memberNumber() != null) {
            json.add("memberNumber", call.memberNumber()).add("aniOnFile", call.aniOnFile());
        }
        JsonArrayBuilder flags = JsonBuilders.JSON.createArrayBuilder();
        call.redFlags().forEach(flag -> flags.add(flag.name()));
        json.add("redFlags", flags);
        if (call.endedAt() != null) {
            json.add("endedAt", call.endedAt().toString()).add("disposition", call.disposition().name());
        }
        if (view.events() != null) {
            JsonArrayBuilder events = JsonBuilders.JSON.createArrayBuilder();
            view.events().forEach(event -> events.add(event(event)));
            json.add("events", events);
        }
        return json.build();
    }

    /** One call-log row as the API shows it (a call's events, an auditor's call trail). */
    public static JsonObjectBuilder event(CallEvent event) {
        JsonObjectBuilder json = JsonBuilders.JSON.createObjectBuilder()
                .add("id", event.id())
                .add("at", event.occurredAt().toString())
                .add("staff", event.staff())
                .add("type", event.type().name());
        if (event.factor() != null) {
            json.add("factor", event.factor().name());
        }
        if (event.outcome() != null) {
            json.add("outcome", event.outcome().name());
        }
        if (event.detail() != null) {
            json.add("detail", event.detail());
        }
        return json;
    }

    static JsonObject attempt(AttemptResult result) {
        return JsonBuilders.JSON.createObjectBuilder()
                .add("factor", result.factor().name())
                .add("passed", result.passed())
                .add("level", result.level().name())
                .add("locked", result.lockedNow())
                .build();
    }

    static JsonObjectBuilder outbox(OutboxMessage message) {
        JsonObjectBuilder json = JsonBuilders.JSON.createObjectBuilder()
                .add("id", message.id())
                .add("createdAt", message.createdAt().toString())
                .add("channel", message.channel())
                .add("destination", message.destination())
                .add("purpose", message.purpose())
                .add("body", message.body());
        if (message.memberNumber() != null) {
            json.add("memberNumber", message.memberNumber());
        }
        if (message.callId() != null) {
            json.add("callId", message.callId());
        }
        return json;
    }
}
