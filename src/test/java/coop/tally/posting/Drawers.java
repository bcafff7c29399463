package coop.tally.posting;

import coop.tally.support.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Test helper over the drawer API: cash is posted only through the acting rep's open drawer, so
 * tests that post cash open one first (here), with a count by denomination that matches the
 * vault's issue.
 */
public final class Drawers {

    /** What a drawer opened on demand starts with. */
    public static final String DEFAULT_OPENING = "10000.00";

    private static final String[] DENOMINATIONS = {"100", "50", "20", "10", "5", "2", "1", "0.50", "0.25", "0.10", "0.05", "0.01"};

    private Drawers() {
    }

    /** Opens the rep's drawer for the business day with {@code amount} from the vault, counted exactly; requires 201. */
    public static JsonObject open(Api rep, String amount) {
        Api.Reply opened = rep.post("api/drawers", Json.createObjectBuilder().add("vaultIssue", amount)
                .add("count", count(amount)).build().toString());
        assertEquals(201, opened.status(), opened.toString());
        return opened.json();
    }

    /** The rep's drawer of the current business date, or null. */
    public static JsonObject current(Api rep) {
        Api.Reply current = rep.get("api/drawers/current");
        return current.status() == 200 ? current.json() : null;
    }

    /** The rep's drawer of the current business date, opened with {@link #DEFAULT_OPENING} if there is none. */
    public static synchronized JsonObject ensureOpen(Api rep) {
        JsonObject current = current(rep);
        return current != null ? current : open(rep, DEFAULT_OPENING);
    }

    /** The GL cash account of the rep's drawer of the current business date ("1010-D7"), opened if needed. */
    public static String gl(Api rep) {
        return ensureOpen(rep).getString("glAccount");
    }

    /**
     * After a cash posting refused for the drawer: DRAWER_CASH_SHORT buys the posting's amount from
     * the vault, DRAWER_OVER_LIMIT sells {@link #DEFAULT_OPENING} to it. True when the posting may be
     * sent again.
     */
    public static boolean makeRoom(Api rep, Api.Reply refused, String body) {
        if (refused.status() != 422 || !refused.isProblem()) {
            return false;
        }
        JsonObject drawer = current(rep);
        if (drawer == null) {
            return false;
        }
        String path = "api/drawers/" + drawer.getJsonNumber("id").longValue() + "/vault/";
        if ("DRAWER_CASH_SHORT".equals(refused.code())) {
            String amount;
            try (var reader = Json.createReader(new java.io.StringReader(body))) {
                amount = reader.readObject().getString("amount");
            }
            Api.Reply bought = rep.post(path + "buy", countBody(amount));
            assertEquals(200, bought.status(), bought.toString());
            return true;
        }
        if ("DRAWER_OVER_LIMIT".equals(refused.code())) {
            Api.Reply sold = rep.post(path + "sell", countBody(DEFAULT_OPENING));
            assertEquals(200, sold.status(), sold.toString());
            return true;
        }
        return false;
    }

    /** {@code amount} in the fewest pieces: bills from 100 down, then coin. */
    public static JsonObjectBuilder count(String amount) {
        BigDecimal left = new BigDecimal(amount);
        JsonObjectBuilder count = Json.createObjectBuilder();
        for (String denomination : DENOMINATIONS) {
            BigDecimal value = new BigDecimal(denomination);
            BigDecimal pieces = left.divideToIntegralValue(value);
            if (pieces.signum() > 0) {
                count.add(denomination, pieces.longValueExact());
                left = left.subtract(value.multiply(pieces));
            }
        }
        return count;
    }

    /** A body of just a count: {"count": {...}}. */
    public static String countBody(String amount) {
        return Json.createObjectBuilder().add("count", count(amount)).build().toString();
    }
}
