package coop.tally.account;

import coop.tally.approval.ApprovalJson;
import coop.tally.member.AccountType;
import coop.tally.member.MemberAccounts;
import coop.tally.money.InvalidAmountException;
import coop.tally.money.Money;
import coop.tally.platform.Refusal;
import coop.tally.posting.Idempotency;
import coop.tally.posting.PostingService;
import coop.tally.posting.rule.Tender;
import coop.tally.staff.BearerTokenMechanism;
import coop.tally.staff.Role;
import coop.tally.staff.SignedInStaff;
import coop.tally.web.JsonBuilders;
import coop.tally.web.JsonFields;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Opening and closing accounts at the desk, for the member verified (STRONG) in the rep's current call or visit. */
@Path("desk/accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {

    private static final List<Tender> DEPOSIT_TENDERS = List.of(Tender.CASH, Tender.CHECK, Tender.ACCOUNT);

    @Inject
    AccountOpenings openings;

    @Inject
    AccountClosings closings;

    @Inject
    AccountRecords records;

    @Inject
    MemberAccounts accounts;

    @Context
    HttpServletRequest request;

    @POST
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Operation(summary = "Open a share, share draft or certificate with its opening deposit",
            description = "Requires an Idempotency-Key header. Body: type, for a certificate termMonths, annualRate"
                    + " (\"0.0425\") and renewAtMaturity, and deposit {tender CASH|CHECK|ACCOUNT, amount, fromAccount for ACCOUNT}."
                    + " 201 with the account and the deposit's posting (or its pending override).")
    public Response open(@HeaderParam("Idempotency-Key") String idempotencyKey, JsonObject body) {
        Idempotency.requireValidKey(idempotencyKey);
        JsonFields fields = JsonFields.of(body);
        AccountType type = fields.requiredEnum("type", AccountType.class);
        CertificateTerms terms = body.containsKey("termMonths") || body.containsKey("annualRate")
                ? new CertificateTerms(termMonths(body), rate(fields)) : null;
        JsonValue depositValue = body.get("deposit");
        if (!(depositValue instanceof JsonObject deposit)) {
            throw JsonFields.missing("deposit");
        }
        JsonFields depositFields = JsonFields.of(deposit);
        Tender tender = depositFields.requiredEnum("tender", Tender.class);
        if (!DEPOSIT_TENDERS.contains(tender)) {
            throw Refusal.invalid("TENDER_NOT_ALLOWED", "An opening deposit is CASH, CHECK or ACCOUNT (a transfer).",
                    Map.of("field", "deposit.tender"));
        }
        AccountOpenings.OpenRequest open = new AccountOpenings.OpenRequest(type, terms,
                fields.optionalBoolean("renewAtMaturity", false), tender,
                depositFields.optionalString("fromAccount", 40).orElse(null), amount(deposit));
        AccountOpenings.Opened opened = openings.open(actor(), idempotencyKey, open);
        JsonObjectBuilder answer = JsonBuilders.JSON.createObjectBuilder()
                .add("account", AccountJson.account(opened.account(), opened.opening()));
        if (opened.deposit() != null) {
            answer.add("deposit", parse(opened.deposit().body()))
                    .add("depositResult", opened.deposit().result().name());
        }
        Response.ResponseBuilder response = Response.status(opened.replayed() ? 200 : 201).entity(answer.build().toString());
        return opened.replayed() ? response.header("Idempotent-Replayed", "true").build() : response.build();
    }

    @POST
    @Path("{number}/close")
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Operation(summary = "Close an account: its balance leaves by TRANSFER (toAccount), OFFICIAL_CHECK or CASH",
            description = "Requires an Idempotency-Key header. A certificate before maturity pays its early-withdrawal penalty;"
                    + " waivePenalty true, or a payout beyond the rep's authority, asks a supervisor (202 with the approval"
                    + " request). 200 with the closing.")
    public Response close(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("number") String number, JsonObject body) {
        Idempotency.requireValidKey(idempotencyKey);
        JsonFields fields = JsonFields.of(body);
        AccountClosings.CloseRequest close = new AccountClosings.CloseRequest(number,
                fields.optionalEnum("payout", Payout.class).orElse(Payout.NONE),
                fields.optionalString("toAccount", 40).orElse(null), fields.optionalBoolean("waivePenalty", false));
        PostingService.Actor actor = actor();
        AccountClosings.Outcome outcome;
        try {
            outcome = closings.close(actor, idempotencyKey, close);
        } catch (AccountClosings.PayoutNeedsOverride needs) {
            // that transaction rolled back; the closing as a whole waits for a supervisor instead
            outcome = closings.askForOverride(actor, idempotencyKey, close, needs.reasons());
        }
        if (outcome.awaiting() != null) {
            String ownAccounts = outcome.awaiting().request().memberNumber() + "-";
            return Response.status(202).entity(JsonBuilders.JSON.createObjectBuilder()
                    .add("code", "OVERRIDE_REQUIRED")
                    .add("detail", "This closing needs a supervisor's override; it waits in the approval queue.")
                    .add("approval", ApprovalJson.of(outcome.awaiting(), shown -> shown.startsWith(ownAccounts)))
                    .build().toString()).build();
        }
        Response.ResponseBuilder response = Response.ok(AccountJson.closing(outcome.closing()).toString());
        return outcome.replayed() ? response.header("Idempotent-Replayed", "true").build() : response.build();
    }

    @POST
    @Path("{number}/renewal")
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Operation(summary = "Mark a certificate to renew at maturity for another term (renew true) or to pay into the share (false)")
    public JsonObject renewal(@PathParam("number") String number, JsonObject body) {
        boolean renew = JsonFields.of(body).optionalBoolean("renew", true);
        AccountOpening opening = openings.markRenewal(actor().username(), number, renew);
        return AccountJson.account(accounts.find(number).orElseThrow(), opening).build();
    }

    private static int termMonths(JsonObject body) {
        JsonValue value = body.get("termMonths");
        if (!(value instanceof jakarta.json.JsonNumber number) || !number.isIntegral()) {
            throw Refusal.invalid("TERM_INVALID", "termMonths is a whole number of months.", Map.of("field", "termMonths"));
        }
        return number.intValue();
    }

    private static BigDecimal rate(JsonFields fields) {
        String text = fields.requiredString("annualRate", 12);
        if (!text.matches("0?\\.\\d{1,6}|0")) {
            throw Refusal.invalid("RATE_INVALID", "annualRate is a decimal fraction such as \"0.0425\".", Map.of("field", "annualRate"));
        }
        return new BigDecimal(text);
    }

    private static Money amount(JsonObject deposit) {
        if (!(deposit.get("amount") instanceof JsonString text)) {
            throw Refusal.invalid("AMOUNT_MISSING", "The deposit's amount is required, as a decimal string.", Map.of("field", "deposit.amount"));
        }
        try {
            return Money.parseAmount(text.getString());
        } catch (InvalidAmountException invalid) {
            throw Refusal.invalid(invalid.code(), invalid.getMessage(), Map.of("field", "deposit.amount"));
        }
    }

    private PostingService.Actor actor() {
        SignedInStaff me = BearerTokenMechanism.signedInStaff(request)
                .orElseThrow(() -> Refusal.unauthenticated("Sign in first."));
        return new PostingService.Actor(me.username(), me.roles(), me.memberNumber());
    }

    private static JsonObject parse(String body) {
        try (var reader = JsonBuilders.JSON.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
