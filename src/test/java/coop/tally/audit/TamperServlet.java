package coop.tally.audit;

import coop.tally.platform.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * TEST ONLY, never in the shipped WAR: {@link AuditIT} adds this class to its own deployment to
 * play the attacker who edits the database directly (the in-memory Derby lives in the server's JVM,
 * out of the test's reach). POST one SQL statement as the body: {@code ?query} runs a SELECT and
 * answers its rows as a JSON array of arrays of strings; otherwise it is an update, answered with
 * its row count. Each statement commits on its own; with {@code ?together}, the body holds several
 * update statements, one per line, committed together (so that the sealer, which seals any committed
 * entry without a leaf, never sees a half-done swap); {@code &holdMillis=N} keeps that transaction, and
 * the locks it took, open N ms (at most a minute) before it commits, to play a transaction that holds
 * a row longer than the database waits for a lock. With {@code ?unescape}, each {@code \\uXXXX} in the
 * statement becomes that UTF-16 unit first, so that text no HTTP body can carry (a lone surrogate)
 * can be written.
 */
@WebServlet("/test-only/sql")
public class TamperServlet extends HttpServlet {

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String sql = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (request.getParameter("unescape") != null) {
            sql = java.util.regex.Pattern.compile("\\\\u([0-9a-fA-F]{4})").matcher(sql)
                    .replaceAll(unit -> java.util.regex.Matcher.quoteReplacement(
                            String.valueOf((char) Integer.parseInt(unit.group(1), 16))));
        }
        response.setContentType("application/json");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            if (request.getParameter("query") != null) {
                JsonArrayBuilder rows = Json.createArrayBuilder();
                try (ResultSet result = statement.executeQuery(sql)) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        JsonArrayBuilder row = Json.createArrayBuilder();
                        for (int i = 1; i <= columns; i++) {
                            String value = result.getString(i);
                            if (value == null) {
                                row.addNull();
                            } else {
                                row.add(value.trim());
                            }
                        }
                        rows.add(row);
                    }
                }
                response.getWriter().write(rows.build().toString());
            } else if (request.getParameter("together") != null) {
                connection.setAutoCommit(false);
                int updated = 0;
                try {
                    for (String line : sql.split("\n")) {
                        if (!line.isBlank()) {
                            updated += statement.executeUpdate(line);
                        }
                    }
                    hold(request.getParameter("holdMillis"));
                    connection.commit();
                } catch (SQLException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
                response.getWriter().write(Json.createObjectBuilder().add("updated", updated).build().toString());
            } else {
                response.getWriter().write(Json.createObjectBuilder().add("updated", statement.executeUpdate(sql)).build().toString());
            }
        } catch (SQLException e) {
            response.setStatus(500);
            response.getWriter().write(Json.createObjectBuilder().add("error", String.valueOf(e.getMessage())).build().toString());
        }
    }

    private static void hold(String millis) {
        if (millis == null) {
            return;
        }
        try {
            Thread.sleep(Math.min(60_000, Long.parseLong(millis)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
