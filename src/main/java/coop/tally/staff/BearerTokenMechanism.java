package coop.tally.staff;

import coop.tally.web.WebApplicationExceptionMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.Optional;

/**
 * Authenticates each request that carries {@code Authorization: Bearer <token>}. A request
 * without a usable token continues unauthenticated; {@code @RolesAllowed} then refuses it with a
 * 401 problem whose code says why ({@link #FAILURE_ATTRIBUTE}).
 */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    /** Request attribute naming why a presented token was not accepted (TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_INVALID). */
    static final String FAILURE_ATTRIBUTE = WebApplicationExceptionMapper.AUTH_FAILURE_ATTRIBUTE;

    @Inject
    TokenService tokens;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return context.doNothing();
        }
        String token = header.substring(7).trim();
        var resolution = tokens.resolveRemembered(token).or(() -> tokens.resolve(token));
        if (resolution.isEmpty()) {
            request.setAttribute(FAILURE_ATTRIBUTE, "TOKEN_INVALID");
            return context.doNothing();
        }
        if (!resolution.get().isValid()) {
            request.setAttribute(FAILURE_ATTRIBUTE, "TOKEN_" + resolution.get().state().name());
            return context.doNothing();
        }
        SignedInStaff staff = resolution.get().staff();
        request.setAttribute(SignedInStaff.ATTRIBUTE, staff);
        return context.notifyContainerAboutLogin(staff.username(), StaffIdentityStore.groupsOf(staff.roles()));
    }

    /** Who the request was authenticated as (empty for a request without a valid token). */
    public static Optional<SignedInStaff> signedInStaff(HttpServletRequest request) {
        return Optional.ofNullable((SignedInStaff) request.getAttribute(SignedInStaff.ATTRIBUTE));
    }
}
