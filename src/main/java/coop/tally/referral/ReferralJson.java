package coop.tally.referral;

import coop.tally.platform.Refusal;
import coop.tally.web.JsonBuilders;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.Map;
import java.util.Set;

/** JSON shapes of referrals, products and targets; and the strict check of request fields. */
final class ReferralJson {

    private ReferralJson() {
    }

    static JsonObject referral(Referrals.ReferralView view) {
        Referral referral = view.referral();
        JsonObjectBuilder json = JsonBuilders.JSON.createObjectBuilder()
                .add("id", referral.id())
                .add("memberNumber", referral.memberNumber())
                .add("product", referral.productCode())
                .add("disposition", referral.disposition().name())
                .add("referredBy", referral.referredBy())
                .add("callId", referral.callId())
                .add("loggedAt", referral.loggedAt().toString())
                .add("expiresAt", referral.expiresAt().toString())
                .add("status", view.status().name());
        if (referral.notes() != null) {
            json.add("notes", referral.notes());
        }
        if (referral.followUpOn() != null) {
            json.add("followUpOn", referral.followUpOn().toString());
        }
        view.ending().ifPresent(event -> {
            JsonObjectBuilder ending = JsonBuilders.JSON.createObjectBuilder()
                    .add("status", event.status().name())
                    .add("at", event.occurredAt().toString())
                    .add("recordedBy", event.recordedBy());
            if (event.note() != null) {
                ending.add("note", event.note());
            }
            json.add("ending", ending);
        });
        return json.build();
    }

    static JsonObject product(ReferralProduct product) {
        return JsonBuilders.JSON.createObjectBuilder()
                .add("code", product.code())
                .add("name", product.name())
                .add("active", product.isActive())
                .build();
    }

    static JsonObject target(ReferralTarget target) {
        return JsonBuilders.JSON.createObjectBuilder()
                .add("target", target.target())
                .add("setAt", target.setAt().toString())
                .add("setBy", target.setBy())
                .build();
    }

    /** Refuses a field the request does not know, naming it. */
    static void onlyFields(JsonObject body, Set<String> known, String what) {
        if (body == null) {
            return;
        }
        for (String name : body.keySet()) {
            if (!known.contains(name)) {
                String shown = name.length() > 40 ? name.substring(0, 40) + "..." : name;
                throw new Refusal(Refusal.Kind.INVALID, "FIELD_UNKNOWN", "'" + shown + "' is not a field of " + what + ".", Map.of("field", shown));
            }
        }
    }
}
