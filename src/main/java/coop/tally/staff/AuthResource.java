package coop.tally.staff;

import coop.tally.web.JsonBuilders;
import coop.tally.web.JsonFields;
import coop.tally.web.Problems;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Duration;
import java.util.Map;

/** Staff sign-in and sign-out. */
@Path("auth")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    SignIn signIn;

    @Inject
    TokenService tokens;

    @Inject
    SecurityLog securityLog;

    @Context
    SecurityContext security;

    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in with username and password; returns a bearer token")
    public Response login(JsonObject body) {
        JsonFields fields = JsonFields.of(body);
        String username = fields.requiredString("username", 100);
        String password = fields.requiredString("password", 200);
        SignIn.Outcome outcome = signIn.signIn(username, password);
        if (outcome instanceof SignIn.SignedIn signedIn) {
            Staff staff = signedIn.staff();
            return Response.ok(JsonBuilders.JSON.createObjectBuilder()
                    .add("token", signedIn.token().token())
                    .add("tokenType", "Bearer")
                    .add("expiresAt", signedIn.token().expiresAt().toString())
                    .add("username", staff.username())
                    .add("displayName", staff.displayName())
                    .add("roles", JsonBuilders.JSON.createArrayBuilder(StaffIdentityStore.groupsOf(staff.roles()).stream().sorted().toList()))
                    .build()).build();
        }
        if (outcome instanceof SignIn.Locked locked) {
            long retryAfter = Math.max(1, Duration.between(java.time.Instant.now(), locked.until()).toSeconds());
            return Response.fromResponse(Problems.response(423, "STAFF_LOCKED",
                            "Too many failed sign-ins; the account is locked for a while. An administrator can reset it.",
                            Map.of("lockedUntil", locked.until().toString())))
                    .header("Retry-After", retryAfter).build();
        }
        return Problems.response(401, "LOGIN_FAILED", "Wrong username or password.");
    }

    @POST
    @Path("logout")
    @RolesAllowed({"REP", "SUPERVISOR", "AUDITOR", "ADMIN"})
    @Operation(summary = "Revoke the bearer token of this request")
    public Response logout(@HeaderParam("Authorization") String authorization) {
        String token = authorization.substring(7).trim();
        tokens.revoke(token, "LOGOUT");
        String username = security.getUserPrincipal().getName();
        securityLog.record("LOGOUT", username, username, null);
        return Response.noContent().build();
    }
}
