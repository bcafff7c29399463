package coop.tally.posting;

import coop.tally.platform.Dates;
import coop.tally.posting.rule.PostingRefused;
import coop.tally.posting.rule.Tender;
import coop.tally.drawer.DenominationCount;
import coop.tally.drawer.InvalidCountException;
import coop.tally.ledger.EntryType;
import coop.tally.money.InvalidAmountException;
import coop.tally.money.Money;
import coop.tally.posting.plan.Instrument;
import coop.tally.posting.plan.PostingPlanner;
import coop.tally.posting.plan.PostingRequest;
import coop.tally.platform.Refusal;
import coop.tally.web.JsonFields;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import coop.tally.web.JsonBuilders;
import jakarta.json.JsonObjectBuilder;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * Reads the JSON body of {@code POST /api/transactions} strictly: unknown fields, wrong types and
 * bad amounts are refused with a 400 that names the field, before anything is looked up.
 */
final class PostingRequestReader {

    static final int MAX_MEMO = 500;
    private static final Set<String> FIELDS = Set.of("type", "tender", "fromAccount", "toAccount", "loanAccount",
            "amount", "instrument", "fee", "feeWaived", "memo", "sessionId", "businessDate", "denominations", "payee");
    static final int MAX_PAYEE = 100;

    private PostingRequestReader() {
    }

    /**
     * A posting as read: the request, the session it names, the business date it asks for (null:
     * the current one) and, for CASH, the notes and coin that crossed the counter if the rep
     * recorded them (else null).
     */
    record Read(PostingRequest request, String sessionId, LocalDate businessDate, DenominationCount denominations) {
    }

    static Read read(JsonObject body) {
        JsonFields fields = JsonFields.of(body);
        for (String name : body.keySet()) {
            if (!FIELDS.contains(name)) {
                throw new Refusal(Refusal.Kind.INVALID, "FIELD_UNKNOWN", "'" + truncate(name) + "' is not a field of a posting.",
                        Map.of("field", truncate(name), "allowed", FIELDS.stream().sorted().toList()));
            }
        }
        EntryType type = fields.requiredEnum("type", EntryType.class);
        // the types a client may post are those with a form; the rest are built by their own features
        if (PostingPlanner.form(type).isEmpty()) {
            throw PostingRefused.malformed("TYPE_NOT_ALLOWED", "A " + type + " entry cannot be requested as a posting.",
                    Map.of("entryType", type.name()));
        }
        Tender tender = fields.optionalEnum("tender", Tender.class).orElse(null);
        Money amount = amount(body, "amount", true);
        Instrument instrument = fields.optionalEnum("instrument", Instrument.class).orElse(null);
        Money fee = amount(body, "fee", false);
        PostingRequest request = new PostingRequest(type, tender,
                fields.optionalString("fromAccount", 40).orElse(null),
                fields.optionalString("toAccount", 40).orElse(null),
                fields.optionalString("loanAccount", 40).orElse(null),
                amount, instrument, fee, fields.optionalBoolean("feeWaived", false),
                fields.optionalString("memo", MAX_MEMO).orElse(null), payee(fields, type));
        LocalDate businessDate = fields.optionalString("businessDate", 10)
                .map(text -> Dates.parse("businessDate", text)).orElse(null);
        return new Read(request, fields.optionalString("sessionId", 40).orElse(null), businessDate,
                denominations(body, tender));
    }

    /** The posting as JSON that {@link #read} reads back to the same request (kept with an approval request). */
    static JsonObject toJson(PostingRequest request, String sessionId, LocalDate businessDate,
                             DenominationCount denominations) {
        JsonObjectBuilder json = JsonBuilders.JSON.createObjectBuilder().add("type", request.type().name());
        if (request.tender() != null) {
            json.add("tender", request.tender().name());
        }
        addIfPresent(json, "fromAccount", request.fromAccount());
        addIfPresent(json, "toAccount", request.toAccount());
        addIfPresent(json, "loanAccount", request.loanAccount());
        json.add("amount", request.amount().toPlainString());
        if (request.instrument() != null) {
            json.add("instrument", request.instrument().name());
        }
        if (request.fee() != null) {
            json.add("fee", request.fee().toPlainString());
        }
        if (request.feeWaived()) {
            json.add("feeWaived", true);
        }
        addIfPresent(json, "memo", request.memo());
        addIfPresent(json, "payee", request.payee());
        addIfPresent(json, "sessionId", sessionId);
        if (businessDate != null) {
            json.add("businessDate", businessDate.toString());
        }
        if (denominations != null) {
            json.add("denominations", denominations.toJson());
        }
        return json.build();
    }

    /** The payee of an official check: one line of well-formed text; refused on any other type. */
    private static String payee(JsonFields fields, EntryType type) {
        String payee = fields.optionalString("payee", MAX_PAYEE).map(String::strip).filter(text -> !text.isEmpty()).orElse(null);
        if (payee == null) {
            return null;
        }
        if (type != EntryType.OFFICIAL_CHECK) {
            throw PostingRefused.malformed("FIELD_NOT_ALLOWED", "A payee is named on an official check only.", Map.of("field", "payee"));
        }
        if (payee.chars().anyMatch(Character::isISOControl) || !coop.tally.web.WellFormedText.isAcceptable(payee)) {
            throw new Refusal(Refusal.Kind.INVALID, "FIELD_INVALID", "The payee holds a control character or broken text.",
                    Map.of("field", "payee"));
        }
        return payee;
    }

    private static void addIfPresent(JsonObjectBuilder json, String field, String value) {
        if (value != null) {
            json.add(field, value);
        }
    }

    private static DenominationCount denominations(JsonObject body, Tender tender) {
        JsonValue value = body.get("denominations");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (tender != Tender.CASH) {
            throw PostingRefused.malformed("FIELD_NOT_ALLOWED", "Denominations are recorded for CASH only.",
                    Map.of("field", "denominations"));
        }
        if (!(value instanceof JsonObject pieces)) {
            throw JsonFields.wrongType("denominations", "an object of denomination to number of pieces");
        }
        try {
            return DenominationCount.fromJson(pieces);
        } catch (InvalidCountException invalid) {
            throw new Refusal(Refusal.Kind.INVALID, invalid.code(), invalid.getMessage(), Map.of("field", "denominations." + invalid.field()));
        }
    }

    private static Money amount(JsonObject body, String field, boolean required) {
        JsonValue value = body.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            if (required) {
                throw new Refusal(Refusal.Kind.INVALID, "AMOUNT_MISSING", "'" + field + "' is required.", Map.of("field", field));
            }
            return null;
        }
        if (!(value instanceof JsonString text)) {
            throw new Refusal(Refusal.Kind.INVALID, "AMOUNT_NOT_A_STRING",
                    "'" + field + "' must be a decimal string such as \"1250.00\", not a JSON number.", Map.of("field", field));
        }
        try {
            return Money.parseAmount(text.getString());
        } catch (InvalidAmountException invalid) {
            throw new Refusal(Refusal.Kind.INVALID, invalid.code(), invalid.getMessage(), Map.of("field", field));
        }
    }

    private static String truncate(String name) {
        return name.length() <= 40 ? name : name.substring(0, 40);
    }
}
