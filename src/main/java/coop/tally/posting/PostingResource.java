package coop.tally.posting;

import coop.tally.ledger.Journal;
import coop.tally.ledger.JournalEntry;
import coop.tally.staff.Role;
import coop.tally.staff.BearerTokenMechanism;
import coop.tally.staff.SignedInStaff;
import coop.tally.platform.ConcurrencyConflicts;
import coop.tally.platform.RaceRetry;
import coop.tally.platform.Refusal;
import coop.tally.web.JsonFields;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.function.Supplier;

/**
 * Posting money movements, reading one back and reversing them. (The GET of one entry lives here,
 * not in {@link LedgerResource}: JAX-RS picks the root resource with the most specific path,
 * {@code transactions}, and never looks at another class for {@code transactions/{id}}.)
 */
@Path("transactions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PostingResource {

    @Inject
    PostingService postings;

    @Inject
    ReversalService reversals;

    @Inject
    Journal journal;

    @Inject
    PostingResults results;

    @Inject
    Viewers viewers;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @POST
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Post a deposit, withdrawal, transfer, loan payment or official check",
            description = "Requires an Idempotency-Key header. 201 with the entry, its lines and the new balances.")
    public Response post(@HeaderParam("Idempotency-Key") String idempotencyKey, JsonObject body) {
        Idempotency.requireValidKey(idempotencyKey);
        PostingRequestReader.Read read = PostingRequestReader.read(body);
        PostingService.Actor actor = actor();
        PostingService.Outcome outcome = withRetry(() -> postings.post(actor, idempotencyKey, read.request(), read.sessionId(),
                read.businessDate(), read.denominations()));
        Response.ResponseBuilder response = Response.status(status(outcome)).entity(outcome.body());
        if (outcome.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"REP", "SUPERVISOR", "AUDITOR"})
    @Transactional
    @Operation(summary = "One journal entry with its lines (a rep sees the entries they posted, as the member they"
            + " posted it for: other members' lines masked)")
    public JsonObject entry(@PathParam("id") long id) {
        JournalEntry entry = journal.find(id)
                .orElseThrow(() -> Refusal.notFound("TRANSACTION_NOT_FOUND", "No journal entry with that id."));
        boolean seesAll = security.isUserInRole("SUPERVISOR") || security.isUserInRole("AUDITOR");
        if (!seesAll && !entry.postedBy().equals(security.getUserPrincipal().getName())) {
            throw Refusal.notFound("TRANSACTION_NOT_FOUND", "No journal entry with that id.");
        }
        var json = results.entry(entry, viewers.ofSession(seesAll, entry.sessionId()));
        journal.reversalOf(id).ifPresent(reversal -> json.add("reversedBy", reversal.id()));
        return json.build();
    }

    @POST
    @Path("{id}/reversal")
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reverse an entry with a reason code: posts the exact contra entry, once (a supervisor's;"
            + " a rep's waits for a supervisor's approval: 202 with the request)")
    public Response reverse(@PathParam("id") long entryId, JsonObject body) {
        JsonFields fields = JsonFields.of(body);
        ReversalReason reason = fields.requiredEnum("reasonCode", ReversalReason.class);
        String memo = fields.optionalString("memo", PostingRequestReader.MAX_MEMO).orElse(null);
        PostingService.Actor actor = actor();
        PostingService.Outcome outcome = withRetry(() -> reversals.reverseOrRequest(actor, entryId, reason, memo));
        return Response.status(status(outcome)).entity(outcome.body()).build();
    }

    private static int status(PostingService.Outcome outcome) {
        return switch (outcome.result()) {
            case POSTED -> 201;
            case AWAITING_APPROVAL -> 202;
        };
    }

    private PostingService.Actor actor() {
        SignedInStaff me = BearerTokenMechanism.signedInStaff(request)
                .orElseThrow(() -> Refusal.unauthenticated("Sign in first."));
        return new PostingService.Actor(me.username(), me.roles(), me.memberNumber());
    }

    /**
     * Runs a posting's transaction again when it lost a race ({@link RaceRetry}): a concurrency
     * conflict, or a concurrent first use of the same Idempotency-Key, whose replay the next run answers.
     */
    static <T> T withRetry(Supplier<T> transaction) {
        return RaceRetry.run(transaction::get,
                failure -> Idempotency.isDuplicateKey(failure) || ConcurrencyConflicts.isConflict(failure));
    }
}
