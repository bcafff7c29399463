package coop.tally.audit;

import coop.tally.platform.Dates;
import coop.tally.ledger.EntryType;
import coop.tally.platform.Refusal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The query parameters of {@code GET /api/audit/trail}, checked: an unknown, repeated or
 * malformed parameter is a 400 problem naming it (extension {@code param}); a bad date is refused
 * as everywhere else, FIELD_INVALID naming it in {@code field} ({@link Dates}).
 */
record TrailQuery(AuditTrail.Filter filter, int page, int size) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;
    private static final int MAX_PAGE = 1_000_000;
    static final Set<String> PARAMS = Set.of("member", "account", "staff", "call", "type", "minAmount", "maxAmount",
            "from", "to", "page", "size");
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,13}(\\.\\d{1,2})?");
    private static final Pattern INTEGER = Pattern.compile("\\d{1,9}");

    static TrailQuery parse(Map<String, List<String>> query) {
        for (Map.Entry<String, List<String>> param : query.entrySet()) {
            if (!PARAMS.contains(param.getKey())) {
                throw problem("TRAIL_PARAM_UNKNOWN", param.getKey(), "Unknown parameter " + param.getKey()
                        + "; known: member, account, staff, call, type, minAmount, maxAmount, from, to, page, size.");
            }
            if (param.getValue().size() > 1) {
                throw problem("TRAIL_PARAM_REPEATED", param.getKey(), param.getKey() + " may be given once.");
            }
        }
        String member = text(query, "member", 12);
        String account = text(query, "account", 40);
        String staff = text(query, "staff", 40);
        String call = text(query, "call", 40);
        EntryType type = type(query);
        BigDecimal min = amount(query, "minAmount");
        BigDecimal max = amount(query, "maxAmount");
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw problem("TRAIL_RANGE_INVALID", "minAmount", "minAmount must not be above maxAmount.");
        }
        LocalDate from = date(query, "from");
        LocalDate to = date(query, "to");
        if (from != null && to != null && to.isBefore(from)) {
            throw problem("TRAIL_RANGE_INVALID", "to", "to must not be before from.");
        }
        int page = integer(query, "page", 0, 0, MAX_PAGE);
        int size = integer(query, "size", DEFAULT_SIZE, 1, MAX_SIZE);
        return new TrailQuery(new AuditTrail.Filter(member, account, staff, call, type, min, max, from, to), page, size);
    }

    /** The filters as a line for the security log, e.g. "staff=rep1 type=DEPOSIT page=0 size=50". */
    String describe() {
        AuditTrail.Filter f = filter;
        StringJoiner text = new StringJoiner(" ");
        add(text, "member", f.member());
        add(text, "account", f.account());
        add(text, "staff", f.staff());
        add(text, "call", f.call());
        add(text, "type", f.type());
        add(text, "minAmount", f.minAmount() == null ? null : f.minAmount().toPlainString());
        add(text, "maxAmount", f.maxAmount() == null ? null : f.maxAmount().toPlainString());
        add(text, "from", f.from());
        add(text, "to", f.to());
        return text.add("page=" + page).add("size=" + size).toString();
    }

    private static void add(StringJoiner text, String name, Object value) {
        if (value != null) {
            text.add(name + "=" + value);
        }
    }

    private static String raw(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String text(Map<String, List<String>> query, String name, int maxLength) {
        String value = raw(query, name);
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty() || trimmed.length() > maxLength || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw problem("TRAIL_PARAM_INVALID", name, name + " must be 1 to " + maxLength + " characters.");
        }
        return trimmed;
    }

    private static EntryType type(Map<String, List<String>> query) {
        String value = raw(query, "type");
        if (value == null) {
            return null;
        }
        try {
            return EntryType.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw problem("TRAIL_PARAM_INVALID", "type", "type must be an entry type, e.g. DEPOSIT or TRANSFER.");
        }
    }

    private static BigDecimal amount(Map<String, List<String>> query, String name) {
        String value = raw(query, name);
        if (value == null) {
            return null;
        }
        if (!AMOUNT.matcher(value.strip()).matches()) {
            throw problem("TRAIL_PARAM_INVALID", name, name + " must be a decimal amount like 12.50.");
        }
        return new BigDecimal(value.strip());
    }

    private static LocalDate date(Map<String, List<String>> query, String name) {
        String value = raw(query, name);
        if (value == null) {
            return null;
        }
        return Dates.parse(name, value.strip());
    }

    private static int integer(Map<String, List<String>> query, String name, int fallback, int min, int max) {
        String value = raw(query, name);
        if (value == null) {
            return fallback;
        }
        int parsed = INTEGER.matcher(value.strip()).matches() ? Integer.parseInt(value.strip()) : -1;
        if (parsed < min || parsed > max) {
            throw problem("TRAIL_PARAM_INVALID", name, name + " must be a whole number from " + min + " to " + max + ".");
        }
        return parsed;
    }

    private static Refusal problem(String code, String param, String detail) {
        return new Refusal(Refusal.Kind.INVALID, code, detail, Map.of("param", param));
    }
}
