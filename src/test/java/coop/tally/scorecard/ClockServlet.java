package coop.tally.scorecard;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * TEST ONLY, never in the shipped WAR (see {@link SettableClock}): PUT an ISO instant as the body
 * to stop the server's clock at it; DELETE to return to the real clock.
 */
@WebServlet("/test-only/clock")
public class ClockServlet extends HttpServlet {

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        SettableClock.set(Instant.parse(body));
        response.setStatus(204);
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) {
        SettableClock.set(null);
        response.setStatus(204);
    }
}
