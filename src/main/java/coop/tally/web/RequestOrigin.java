package coop.tally.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/** The remote address of the current HTTP request, when there is one (start-up work has none). */
@ApplicationScoped
public class RequestOrigin {

    @Inject
    HttpServletRequest request;

    public String remoteAddress() {
        try {
            return request.getRemoteAddr();
        } catch (ContextNotActiveException | IllegalStateException | NullPointerException noRequest) {
            return null;
        }
    }
}
