package coop.tally.posting;

import coop.tally.caller.PostingAccess;
import coop.tally.caller.VerificationLevel;
import coop.tally.posting.plan.FeeSchedule;
import coop.tally.posting.plan.Instrument;
import coop.tally.posting.plan.PostingForm;
import coop.tally.posting.plan.PostingPlanner;
import coop.tally.posting.rule.Tender;
import coop.tally.web.JsonBuilders;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.Optional;

/**
 * What the server asks of each type of posting: its tenders, the fields each needs and the
 * verification it needs, read from the same declarations the planner and the call gate enforce,
 * so that the console shows what will be asked instead of keeping its own table.
 */
@Path("posting-types")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PostingTypeResource {

    @GET
    @RolesAllowed({"REP", "SUPERVISOR", "AUDITOR"})
    @Operation(summary = "Each type a client may post: tenders (the usual first, with the fields each needs and whether it"
            + " is taken only in a branch visit), the fields needed with no tender, and the verification level of the"
            + " call (to the member's own accounts, and to another member's: null when no call allows it)")
    public JsonObject postingTypes() {
        JsonArrayBuilder types = JsonBuilders.JSON.createArrayBuilder();
        PostingPlanner.forms().forEach(form -> types.add(type(form)));
        return JsonBuilders.JSON.createObjectBuilder().add("postingTypes", types).build();
    }

    private static JsonObjectBuilder type(PostingForm form) {
        JsonArrayBuilder tenders = JsonBuilders.JSON.createArrayBuilder();
        for (Tender tender : form.tenders()) {
            tenders.add(JsonBuilders.JSON.createObjectBuilder().add("tender", tender.name())
                    .add("fields", strings(form.fieldsFor(tender))).add("visitOnly", tender.needsVisit()));
        }
        JsonObjectBuilder json = JsonBuilders.JSON.createObjectBuilder()
                .add("type", form.type().name())
                .add("tenderRequired", form.tenderRequired())
                .add("tenders", tenders)
                .add("fields", strings(form.fieldsFor(null)))
                .add("optionalFields", strings(form.optionalFields()))
                .add("verification", level(PostingAccess.levelFor(form.type(), false)))
                .add("verificationToAnotherMember", level(PostingAccess.levelFor(form.type(), true)));
        if (form.fields().contains("instrument")) {
            json.add("instruments", instruments());
        }
        return json;
    }

    /** The instruments with their scheduled fee, the one the planner charges. */
    private static JsonArrayBuilder instruments() {
        FeeSchedule fees = FeeSchedule.standard();
        JsonArrayBuilder instruments = JsonBuilders.JSON.createArrayBuilder();
        for (Instrument instrument : Instrument.values()) {
            instruments.add(JsonBuilders.JSON.createObjectBuilder().add("instrument", instrument.name())
                    .add("fee", fees.feeFor(instrument).toPlainString()));
        }
        return instruments;
    }

    private static JsonValue level(Optional<VerificationLevel> level) {
        return level.<JsonValue>map(value -> JsonBuilders.JSON.createValue(value.name())).orElse(JsonValue.NULL);
    }

    private static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder array = JsonBuilders.JSON.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }
}
