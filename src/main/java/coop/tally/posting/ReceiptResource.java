package coop.tally.posting;

import coop.tally.ledger.Journal;
import coop.tally.ledger.JournalEntry;
import coop.tally.platform.Refusal;
import coop.tally.platform.TallyClock;
import coop.tally.staff.SecurityLog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

import static coop.tally.web.JsonBuilders.JSON;

/**
 * A member's receipt is printed at the desk from the posting's answer; each print is a
 * security-relevant act (a paper copy of a member's balances leaves the system), so the desk
 * reports it here first and the security log keeps who printed which entry when.
 */
@Path("transactions/{id}/receipt")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReceiptResource {

    @Inject
    Journal journal;

    @Inject
    SecurityLog securityLog;

    @Inject
    TallyClock clock;

    @Context
    SecurityContext security;

    @POST
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Transactional
    @Operation(summary = "Record that a receipt of an entry is being printed (a rep: only of entries they posted)")
    public JsonObject printed(@PathParam("id") long id) {
        String me = security.getUserPrincipal().getName();
        JournalEntry entry = journal.find(id)
                .filter(found -> security.isUserInRole("SUPERVISOR") || found.postedBy().equals(me))
                .orElseThrow(() -> Refusal.notFound("TRANSACTION_NOT_FOUND", "No journal entry with that id."));
        securityLog.record("RECEIPT_PRINTED", me, "entry " + entry.id(),
                entry.type().name() + " of " + entry.businessDate() + (entry.sessionId() == null ? "" : " in " + entry.sessionId()));
        return JSON.createObjectBuilder()
                .add("entryId", entry.id())
                .add("printedBy", me)
                .add("printedAt", clock.now().toString())
                .build();
    }
}
