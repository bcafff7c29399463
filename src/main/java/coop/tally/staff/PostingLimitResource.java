package coop.tally.staff;

import coop.tally.money.InvalidAmountException;
import coop.tally.money.Money;
import coop.tally.platform.Refusal;
import coop.tally.web.JsonBuilders;
import coop.tally.web.JsonFields;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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

import java.util.Map;
import java.util.Set;

/** ADMIN sets the posting limits per role and per staff member; every change is appended and logged. */
@Path("limits")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ADMIN")
public class PostingLimitResource {

    private static final Set<String> FIELDS = Set.of("scope", "subject", "limit", "amount");

    @Inject
    PostingLimits limits;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "The defaults, the settings in force and their history")
    public JsonObject list() {
        var defaults = JsonBuilders.JSON.createObjectBuilder();
        for (PostingLimit limit : PostingLimit.values()) {
            defaults.add(limit.name(), limit.defaultAmount().toPlainString());
        }
        var current = JsonBuilders.JSON.createArrayBuilder();
        limits.current().forEach(setting -> current.add(json(setting)));
        var history = JsonBuilders.JSON.createArrayBuilder();
        limits.history().forEach(setting -> history.add(json(setting)));
        return JsonBuilders.JSON.createObjectBuilder().add("defaults", defaults).add("current", current)
                .add("history", history).build();
    }

    @GET
    @Path("staff/{username}")
    @Operation(summary = "The limits in force for one staff member")
    public JsonObject effective(@PathParam("username") String username) {
        var json = JsonBuilders.JSON.createObjectBuilder();
        limits.of(username).forEach((limit, amount) -> json.add(limit.name(), amount.toPlainString()));
        return JsonBuilders.JSON.createObjectBuilder().add("username", username).add("limits", json).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a limit for a role (REP, SUPERVISOR) or a staff member: {scope, subject, limit, amount}")
    public Response set(JsonObject body) {
        for (String name : body.keySet()) {
            if (!FIELDS.contains(name)) {
                throw new Refusal(Refusal.Kind.INVALID, "FIELD_UNKNOWN", "Unknown field.", Map.of("field", name.length() > 40 ? name.substring(0, 40) : name));
            }
        }
        JsonFields fields = JsonFields.of(body);
        PostingLimitSetting.Scope scope = fields.requiredEnum("scope", PostingLimitSetting.Scope.class);
        String subject = fields.requiredString("subject", 40);
        PostingLimit limit = fields.requiredEnum("limit", PostingLimit.class);
        Money amount;
        try {
            amount = Money.parseAmount(fields.requiredString("amount", 30));
        } catch (InvalidAmountException invalid) {
            throw new Refusal(Refusal.Kind.INVALID, invalid.code(), invalid.getMessage(), Map.of("field", "amount"));
        }
        PostingLimitSetting setting = limits.set(security.getUserPrincipal().getName(), scope, subject, limit, amount);
        return Response.status(201).entity(json(setting).build()).build();
    }

    private static JsonObjectBuilder json(PostingLimitSetting setting) {
        return JsonBuilders.JSON.createObjectBuilder()
                .add("id", setting.id())
                .add("scope", setting.scope().name())
                .add("subject", setting.subject())
                .add("limit", setting.limit().name())
                .add("amount", setting.amount().toPlainString())
                .add("setBy", setting.setBy())
                .add("setAt", setting.setAt().toString());
    }
}
