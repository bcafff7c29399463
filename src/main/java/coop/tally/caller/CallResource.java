package coop.tally.caller;

import coop.tally.approval.AccountVisibility;
import coop.tally.approval.ApprovalJson;
import coop.tally.member.PersonNames;
import coop.tally.member.PhoneNumbers;
import coop.tally.staff.Staff;
import coop.tally.staff.StaffDirectory;
import coop.tally.platform.Refusal;
import coop.tally.web.JsonBuilders;
import coop.tally.web.JsonFields;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.EnumMap;
import java.util.Map;

/**
 * The rep's call desk: start a call, identify and verify the caller, take notes, end it. Verification
 * answers arrive here and go no further than {@link CallService}: they are not logged or stored.
 */
@Path("calls")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CallResource {

    static final int MAX_NOTE = 2000;

    @Inject
    CallService calls;

    @Inject
    CallerVerification verification;

    @Inject
    MemberChanges changes;

    @Inject
    StaffDirectory staffDirectory;

    @Context
    SecurityContext security;

    @POST
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a call with the caller's number (ANI); one open call per staff member")
    public Response start(JsonObject body) {
        String written = JsonFields.of(body).requiredString("ani", 30);
        String ani = PhoneNumbers.normalize(written)
                .orElseThrow(() -> new Refusal(Refusal.Kind.INVALID, "FIELD_INVALID", "The ani is not a phone number.", Map.of("field", "ani")));
        MemberCall call = calls.start(me(), ani);
        return Response.status(201).entity(show(call.id())).build();
    }

    @GET
    @Path("current")
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Operation(summary = "The staff member's open call, or 404 NO_OPEN_CALL")
    public JsonObject current() {
        return calls.current(username()).map(CallJson::call)
                .orElseThrow(() -> Refusal.notFound("NO_OPEN_CALL", "You have no open call."));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"REP", "SUPERVISOR", "AUDITOR"})
    @Operation(summary = "A call with its whole log; a rep sees only their own calls")
    public JsonObject call(@PathParam("id") String id) {
        return show(id);
    }

    @POST
    @Path("{id}/member")
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Identify the member the caller claims to be; red flags are raised here")
    public JsonObject identify(@PathParam("id") String id, JsonObject body) {
        String memberNumber = JsonFields.of(body).requiredString("memberNumber", 12).strip();
        calls.identify(me(), id, memberNumber);
        return show(id);
    }

    @POST
    @Path("{id}/knowledge")
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check two knowledge answers (dateOfBirth, ssnLast4, zip, recentAmount); both right gives BASIC")
    public JsonObject knowledge(@PathParam("id") String id, JsonObject body) {
        JsonValue value = JsonFields.of(body).json().get("answers");
        if (!(value instanceof JsonObject answers)) {
            throw JsonFields.wrongType("answers", "an object");
        }
        Map<KnowledgeQuestion, String> read = new EnumMap<>(KnowledgeQuestion.class);
        for (Map.Entry<String, JsonValue> answer : answers.entrySet()) {
            KnowledgeQuestion question = questionOf(answer.getKey());
            if (!(answer.getValue() instanceof JsonString text) || text.getString().length() > 20) {
                throw JsonFields.wrongType("answers." + answer.getKey(), "a string of at most 20 characters");
            }
            read.put(question, text.getString());
        }
        return answered(verification.answerKnowledge(me(), id, read));
    }

    @POST
    @Path("{id}/pin")
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check the caller's telephone PIN; right gives BASIC")
    public JsonObject pin(@PathParam("id") String id, JsonObject body) {
        return answered(verification.enterPin(me(), id, pinOf(body)));
    }

    @PUT
    @Path("{id}/pin")
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set or change the member's telephone PIN (4-6 digits); needs a STRONG call")
    public Response setPin(@PathParam("id") String id, JsonObject body) {
        changes.setPin(me(), id, pinOf(body));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/passcode")
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Operation(summary = "Send a one-time passcode to a device on file, through the outbox")
    public JsonObject sendPasscode(@PathParam("id") String id) {
        String destination = verification.sendPasscode(me(), id);
        return JsonBuilders.JSON.createObjectBuilder().add("sentTo", destination).build();
    }

    @POST
    @Path("{id}/passcode/check")
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check the passcode the caller reads out; with BASIC it gives STRONG; each code works once")
    public JsonObject checkPasscode(@PathParam("id") String id, JsonObject body) {
        String code = JsonFields.of(body).requiredString("code", 6);
        if (!code.matches("\\d{" + Totp.DIGITS + "}")) {
            // a code that cannot be one is the rep's to correct, and uses up none of the member's tries
            throw new Refusal(Refusal.Kind.INVALID, "FIELD_INVALID", "A passcode is " + Totp.DIGITS + " digits.", Map.of("field", "code"));
        }
        return answered(verification.checkPasscode(me(), id, code));
    }

    @POST
    @Path("{id}/contact")
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the member's e-mail and/or primary phone; needs a STRONG call; the old contact is told")
    public JsonObject changeContact(@PathParam("id") String id, JsonObject body) {
        JsonFields fields = JsonFields.of(body);
        String email = fields.optionalString("email", 254).map(String::strip).orElse(null);
        String phone = fields.optionalString("phone", 30).map(written -> PhoneNumbers.normalize(written).orElseThrow(() ->
                new Refusal(Refusal.Kind.INVALID, "FIELD_INVALID", "The phone is not a phone number.", Map.of("field", "phone"))))
                .orElse(null);
        if (email == null && phone == null) {
            throw new Refusal(Refusal.Kind.INVALID, "FIELD_REQUIRED", "Send an email, a phone or both.", Map.of("field", "email"));
        }
        changes.changeContact(me(), id, email, phone);
        return show(id);
    }

    @POST
    @Path("{id}/name")
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the member's name in a STRONG visit; the new name is screened against the sanctions list"
            + " (200 with the visit, or 202 when a possible match waits for a supervisor's SANCTIONS_REVIEW)")
    public Response changeName(@PathParam("id") String id, JsonObject body) {
        JsonFields fields = JsonFields.of(body);
        String first = nameField(fields, "firstName");
        String last = nameField(fields, "lastName");
        return changes.changeName(me(), id, first, last)
                .map(view -> Response.status(202).entity(JsonBuilders.JSON.createObjectBuilder().add("code", "SANCTIONS_REVIEW")
                        .add("detail", "The new name is a possible match on the sanctions list; the change waits for a supervisor's review.")
                        .add("approval", ApprovalJson.of(view, AccountVisibility.NO_MEMBER)).build()).build())
                .orElseGet(() -> Response.ok(show(id)).build());
    }

    private static String nameField(JsonFields fields, String field) {
        String name = fields.requiredString(field, 60);
        if (!PersonNames.isValid(name)) {
            throw new Refusal(Refusal.Kind.INVALID, "NAME_INVALID",
                    "A name is letters, with spaces, hyphens, apostrophes or periods, at most 60 characters.", Map.of("field", field));
        }
        return name;
    }

    @POST
    @Path("{id}/notes")
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Append a note to the call; notes are never changed (a correction is a new note)")
    public Response note(@PathParam("id") String id, JsonObject body) {
        String text = JsonFields.of(body).requiredString("text", MAX_NOTE);
        if (text.isBlank()) {
            throw new Refusal(Refusal.Kind.INVALID, "FIELD_REQUIRED", "The note text is required.", Map.of("field", "text"));
        }
        calls.note(me(), id, text);
        return Response.status(201).entity(show(id)).build();
    }

    @POST
    @Path("{id}/end")
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "End the call with a disposition")
    public JsonObject end(@PathParam("id") String id, JsonObject body) {
        Disposition disposition = JsonFields.of(body).requiredEnum("disposition", Disposition.class);
        calls.end(me(), id, disposition);
        return show(id);
    }

    @POST
    @Path("{id}/takeover")
    @RolesAllowed("SUPERVISOR")
    @Operation(summary = "A supervisor takes over a rep's open call")
    public JsonObject takeOver(@PathParam("id") String id) {
        calls.takeOver(me(), id);
        return show(id);
    }

    private JsonObject answered(AttemptResult result) {
        if (result.refusedLocked()) {
            throw Refusal.forbidden("PHONE_ACCESS_LOCKED",
                    "The member's phone access is locked after repeated failed verification; a supervisor must unlock it.");
        }
        return CallJson.attempt(result);
    }

    private JsonObject show(String id) {
        return CallJson.call(calls.view(username(), security.isUserInRole("SUPERVISOR") || security.isUserInRole("AUDITOR"), id));
    }

    private static KnowledgeQuestion questionOf(String field) {
        for (KnowledgeQuestion question : KnowledgeQuestion.values()) {
            if (question.field().equals(field)) {
                return question;
            }
        }
        throw new Refusal(Refusal.Kind.INVALID, "FIELD_UNKNOWN", "Unknown knowledge question; ask dateOfBirth, ssnLast4, zip or recentAmount.",
                Map.of("field", "answers." + (field.length() > 40 ? field.substring(0, 40) : field)));
    }

    private static String pinOf(JsonObject body) {
        String pin = JsonFields.of(body).requiredString("pin", 6);
        if (!pin.matches("\\d{4,6}")) {
            throw new Refusal(Refusal.Kind.INVALID, "FIELD_INVALID", "A PIN is 4 to 6 digits.", Map.of("field", "pin"));
        }
        return pin;
    }

    private String username() {
        return security.getUserPrincipal().getName();
    }

    private CallService.Staffer me() {
        Staff staff = staffDirectory.find(username())
                .orElseThrow(() -> Refusal.unauthenticated("Unknown staff member."));
        return new CallService.Staffer(staff.username(), staff.memberNumber());
    }
}
