package coop.tally.caller;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

import static coop.tally.web.JsonBuilders.JSON;

/**
 * The member's last five calls and visits with their notes, for the desk's member snapshot: what
 * the member called about before is the first thing a rep wants to know. A rep reads it only in
 * their own open call verified as that member, like the member file, and the read is logged there.
 */
@Path("members/{memberNumber}/recent-contacts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RecentContactsResource {

    static final int LAST = 5;

    @Inject
    CallGate gate;

    @Inject
    CallService calls;

    @Inject
    CallHistory history;

    @Context
    SecurityContext security;

    @GET
    @RolesAllowed({"REP", "SUPERVISOR", "AUDITOR"})
    @Operation(summary = "The member's last five calls and visits (not the current one), newest first, with their notes")
    public JsonObject recent(@PathParam("memberNumber") String memberNumber) {
        if (memberNumber.length() > 12) {
            throw coop.tally.platform.Refusal.notFound("MEMBER_NOT_FOUND", "No member " + memberNumber.substring(0, 12) + "….");
        }
        String staff = security.getUserPrincipal().getName();
        boolean seesAll = security.isUserInRole("SUPERVISOR") || security.isUserInRole("AUDITOR");
        if (!seesAll) {
            gate.admitInquiry(staff, memberNumber, "recent calls and notes");
        }
        String current = calls.current(staff).map(view -> view.call().id()).orElse("");
        JsonArrayBuilder items = JSON.createArrayBuilder();
        for (CallHistory.MemberContact contact : history.lastContactsOf(memberNumber, current, LAST)) {
            items.add(json(contact));
        }
        return JSON.createObjectBuilder().add("memberNumber", memberNumber).add("items", items).build();
    }

    private static JsonObjectBuilder json(CallHistory.MemberContact contact) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", contact.id())
                .add("channel", contact.channel())
                .add("handledBy", contact.handledBy())
                .add("startedAt", contact.startedAt().toString())
                .add("notes", JSON.createArrayBuilder(contact.notes()));
        if (contact.endedAt() != null) {
            json.add("endedAt", contact.endedAt().toString());
        }
        if (contact.disposition() != null) {
            json.add("disposition", contact.disposition());
        }
        return json;
    }
}
