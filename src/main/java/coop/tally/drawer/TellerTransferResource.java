package coop.tally.drawer;

import coop.tally.ledger.BusinessDates;
import coop.tally.platform.Refusal;
import coop.tally.web.JsonBuilders;
import coop.tally.web.JsonFields;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Cash handed from one rep's drawer to another's over HTTP. The sender proposes, the receiver
 * accepts with their own count or rejects, the sender may withdraw. No answer says what a drawer
 * holds; the receiver sees the amount handed over but not its pieces until the transfer is decided,
 * so that their count is their own.
 */
@Path("teller-transfers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TellerTransferResource {

    @Inject
    TellerTransfers transfers;

    @Inject
    BusinessDates businessDates;

    @Context
    SecurityContext security;

    @GET
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Operation(summary = "Your teller transfers of the current business date (incoming and outgoing), and the other reps' open drawers")
    public JsonObject mine() {
        LocalDate today = businessDates.current();
        JsonArrayBuilder incoming = JsonBuilders.JSON.createArrayBuilder();
        JsonArrayBuilder outgoing = JsonBuilders.JSON.createArrayBuilder();
        for (TellerTransfer transfer : transfers.of(me(), today)) {
            (transfer.toRep().equals(me()) ? incoming : outgoing).add(json(transfer));
        }
        JsonArrayBuilder open = JsonBuilders.JSON.createArrayBuilder();
        transfers.openDrawersBesides(me(), today).forEach(drawer -> open.add(JsonBuilders.JSON.createObjectBuilder()
                .add("rep", drawer.owner()).add("drawerId", drawer.id())));
        return JsonBuilders.JSON.createObjectBuilder().add("businessDate", today.toString())
                .add("incoming", incoming).add("outgoing", outgoing).add("openDrawers", open).build();
    }

    @POST
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Hand cash from your open drawer to another rep's open drawer: {\"toRep\":\"rep2\",\"count\":{\"100\":5}}",
            description = "Nothing moves until the receiving rep accepts with a matching count. Refusals: TRANSFER_TO_SELF, "
                    + "RECEIVER_DRAWER_NOT_OPEN, DRAWER_CLOSED, DRAWER_CASH_SHORT, DENOMINATIONS_NOT_HELD, COUNT_EMPTY.")
    public Response propose(JsonObject body) {
        DrawerResource.allowOnly(body, Set.of("toRep", "count"));
        String toRep = JsonFields.of(body).requiredString("toRep", 40).strip();
        TellerTransfer transfer = transfers.propose(me(), toRep, DrawerResource.count(body));
        return Response.status(201).entity(json(transfer)).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"REP", "SUPERVISOR", "AUDITOR"})
    @Operation(summary = "A teller transfer (its sender, its receiver, supervisors and auditors)")
    public JsonObject one(@PathParam("id") long id) {
        TellerTransfer transfer = transfers.find(id);
        if (!isParty(transfer) && !seesAll()) {
            throw Refusal.forbidden("TRANSFER_NOT_YOURS", "The transfer is between other reps.");
        }
        return json(transfer);
    }

    @POST
    @Path("{id}/accept")
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accept cash handed to your drawer with your own count by denomination; it must match",
            description = "The entry posts and both drawers move. Refusals: TRANSFER_COUNT_MISMATCH (nothing changes), "
                    + "TRANSFER_NOT_YOURS, TRANSFER_ALREADY_ACCEPTED, TRANSFER_ALREADY_REJECTED, TRANSFER_ALREADY_WITHDRAWN.")
    public JsonObject accept(@PathParam("id") long id, JsonObject body) {
        DrawerResource.allowOnly(body, Set.of("count"));
        return json(transfers.accept(me(), id, DrawerResource.count(body)));
    }

    @POST
    @Path("{id}/reject")
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Refuse cash handed to your drawer, with an optional {\"reason\":...}; nothing moves")
    public JsonObject reject(@PathParam("id") long id, JsonObject body) {
        String reason = null;
        if (body != null) {
            DrawerResource.allowOnly(body, Set.of("reason"));
            reason = JsonFields.of(body).optionalString("reason", 500).map(String::strip).filter(text -> !text.isEmpty()).orElse(null);
        }
        return json(transfers.reject(me(), id, reason));
    }

    @POST
    @Path("{id}/withdraw")
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Operation(summary = "Take back cash you proposed to hand over and that is not yet accepted; nothing moves")
    public JsonObject withdraw(@PathParam("id") long id) {
        return json(transfers.withdraw(me(), id));
    }

    /**
     * The transfer as this viewer may see it. While it is PROPOSED the receiver sees the amount but
     * not the pieces: the count that accepts it must be their own.
     */
    private JsonObject json(TellerTransfer transfer) {
        JsonObjectBuilder json = JsonBuilders.JSON.createObjectBuilder()
                .add("id", transfer.id())
                .add("businessDate", transfer.businessDate().toString())
                .add("fromRep", transfer.fromRep())
                .add("fromDrawer", transfer.fromDrawerId())
                .add("toRep", transfer.toRep())
                .add("toDrawer", transfer.toDrawerId())
                .add("amount", transfer.amount().toPlainString())
                .add("state", transfer.state().name())
                .add("proposedAt", transfer.proposedAt().toString());
        boolean blindCount = transfer.state() == TellerTransferState.PROPOSED && transfer.toRep().equals(me());
        if (!blindCount) {
            json.add("count", transfer.denominations().toJson());
        }
        if (transfer.decidedAt() != null) {
            json.add("decidedAt", transfer.decidedAt().toString()).add("decidedBy", transfer.decidedBy());
        }
        if (transfer.reason() != null) {
            json.add("reason", transfer.reason());
        }
        if (transfer.entryId() != null) {
            json.add("entryId", transfer.entryId());
        }
        return json.build();
    }

    private boolean isParty(TellerTransfer transfer) {
        return List.of(transfer.fromRep(), transfer.toRep()).contains(me());
    }

    private boolean seesAll() {
        return security.isUserInRole("SUPERVISOR") || security.isUserInRole("AUDITOR");
    }

    private String me() {
        return security.getUserPrincipal().getName();
    }
}
