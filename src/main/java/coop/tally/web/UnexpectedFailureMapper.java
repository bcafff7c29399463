package coop.tally.web;

import coop.tally.platform.ConcurrencyConflicts;
import coop.tally.platform.Refusal;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.sql.SQLException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Last line: nothing unexpected leaks a stack trace to a client. A problem wrapped by the
 * transaction machinery is unwrapped; a lock conflict or deadlock becomes a 503 the client may
 * retry (the transaction rolled back whole, so nothing was half-posted).
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Refusal problem) {
                return Problems.response(problem);
            }
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return Problems.response(409, "CONFLICT", "A concurrent request created the same record; nothing was changed.");
            }
            if (ConcurrencyConflicts.isConflictItself(cause)) {
                LOG.log(Level.INFO, "Concurrent update refused: {0}", cause.toString());
                return Response.fromResponse(Problems.response(503, "CONCURRENT_UPDATE",
                                "Another transaction changed the same data; nothing was posted. Retry the request."))
                        .header("Retry-After", "1").build();
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, failure);
        return Problems.response(500, "INTERNAL_ERROR",
                "The server could not complete the request; nothing was changed.", java.util.Map.of("incident", incident));
    }
}
