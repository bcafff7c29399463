package coop.tally.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The text an API request carries in its URL (path segments and query parameters) is held to the
 * same rule as the text of its body ({@link WellFormedText}): percent-encoded bytes must be UTF-8,
 * and the text they spell must hold no control character. Otherwise the request is a 400
 * {@code MALFORMED_TEXT} before any resource sees it: the runtime would decode bad bytes to U+FFFD,
 * and a resource would look up, log or store text the client never sent.
 * <p>
 * A query parameter named twice is a 400 {@code QUERY_PARAMETER_REPEATED} ({@link QueryParameters}):
 * which of its values a resource would read is a guess, so none is taken. The audit trail is left
 * to refuse it itself: its {@code TRAIL_PARAM_REPEATED} was documented, and relied on, first.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class RequestTextFilter extends HttpFilter {

    /** Resources that refuse a repeated query parameter with a code of their own. */
    private static final Set<String> OWN_REPEATED_PARAMETER_CHECK = Set.of("/api/audit/trail");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // the request URI and query string as sent, not yet percent-decoded
        Optional<String> fault = fault("path", request.getRequestURI())
                .or(() -> fault("query", request.getQueryString()));
        if (fault.isPresent()) {
            refuse(response, Problems.body(400, "MALFORMED_TEXT", "The request's " + fault.get()
                    + " is not percent-encoded UTF-8 text without control characters.", Map.of("in", fault.get())).toString());
            return;
        }
        Optional<String> repeated = OWN_REPEATED_PARAMETER_CHECK.contains(request.getServletPath() + request.getPathInfo())
                ? Optional.empty() : QueryParameters.repeatedName(request.getQueryString());
        if (repeated.isPresent()) {
            refuse(response, Problems.body(400, "QUERY_PARAMETER_REPEATED", "The query parameter '" + repeated.get()
                    + "' is given more than once; give each parameter once.", Map.of("parameter", repeated.get())).toString());
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response, String problem) throws IOException {
        response.setStatus(400);
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(problem);
    }

    /** {@code part} when the raw text does not decode to acceptable text. */
    static Optional<String> fault(String part, String raw) {
        return raw == null || decodes(raw) ? Optional.empty() : Optional.of(part);
    }

    /** Whether the percent-encoded text decodes, strictly as UTF-8, to {@link WellFormedText}. */
    static boolean decodes(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    return false;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                // a URL is ASCII; a server that hands on raw non-ASCII text has already decoded it
                return false;
            }
        }
        return WellFormedText.decodeUtf8(bytes.toByteArray()).filter(WellFormedText::isAcceptable).isPresent();
    }
}
