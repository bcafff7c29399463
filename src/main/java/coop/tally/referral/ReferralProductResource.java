package coop.tally.referral;

import coop.tally.staff.BearerTokenMechanism;
import coop.tally.staff.SignedInStaff;
import coop.tally.platform.Refusal;
import coop.tally.web.JsonBuilders;
import coop.tally.web.JsonFields;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Set;

/** The products a referral can name: everyone signed in reads them, ADMIN adds and retires. */
@Path("referral-products")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReferralProductResource {

    @Inject
    Products products;

    @Context
    HttpServletRequest request;

    @GET
    @RolesAllowed({"REP", "SUPERVISOR", "AUDITOR", "ADMIN"})
    @Operation(summary = "Products a referral can name (retired ones with active=false)")
    public JsonObject list() {
        JsonArrayBuilder items = JsonBuilders.JSON.createArrayBuilder();
        products.all().forEach(product -> items.add(ReferralJson.product(product)));
        return JsonBuilders.JSON.createObjectBuilder().add("items", items).build();
    }

    @POST
    @RolesAllowed("ADMIN")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a product: {code, name}; logged")
    public Response add(JsonObject body) {
        JsonFields fields = JsonFields.of(body);
        ReferralJson.onlyFields(body, Set.of("code", "name"), "a product");
        ReferralProduct added = products.add(me(), fields.requiredString("code", 40), fields.requiredString("name", 100));
        return Response.status(201).entity(ReferralJson.product(added)).build();
    }

    @POST
    @Path("{code}/retire")
    @RolesAllowed("ADMIN")
    @Operation(summary = "Retire a product: no new referral may name it; logged")
    public JsonObject retire(@PathParam("code") String code) {
        return ReferralJson.product(products.retire(me(), code));
    }

    private String me() {
        return BearerTokenMechanism.signedInStaff(request).map(SignedInStaff::username)
                .orElseThrow(() -> Refusal.unauthenticated("Sign in first."));
    }
}
