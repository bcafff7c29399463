package coop.tally.enrolment;

import coop.tally.caller.PhotoId;
import coop.tally.caller.PhotoIdType;
import coop.tally.member.Enrolments;
import coop.tally.member.PhoneNumbers;
import coop.tally.platform.Dates;
import coop.tally.platform.Refusal;
import coop.tally.web.JsonFields;
import jakarta.json.JsonObject;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an enrolment strictly: unknown fields, missing ones, control characters and malformed
 * values are refused with a 400 naming the field, before anything is looked up.
 */
final class EnrolmentReader {

    static final List<String> FIELDS = List.of("sessionId", "firstName", "lastName", "dateOfBirth", "ssn", "line1", "line2",
            "city", "state", "zip", "phone", "email", "photoIdType", "photoIdLast4", "photoIdExpires");

    /** An enrolment as read: the visit, the member's data and the photo ID inspected. */
    record Read(String sessionId, Enrolments.NewMember member, PhotoId photoId) {
    }

    private EnrolmentReader() {
    }

    static Read read(JsonObject body, LocalDate today) {
        JsonFields fields = JsonFields.of(body);
        for (String name : body.keySet()) {
            if (!FIELDS.contains(name)) {
                String shown = name.length() > 40 ? name.substring(0, 40) : name;
                throw new Refusal(Refusal.Kind.INVALID, "FIELD_UNKNOWN", "'" + shown + "' is not a field of an enrolment.",
                        Map.of("field", shown, "allowed", FIELDS));
            }
        }
        String sessionId = text(fields, "sessionId", 40, true);
        String first = check("firstName", text(fields, "firstName", 60, true), EnrolmentRules::name);
        String last = check("lastName", text(fields, "lastName", 60, true), EnrolmentRules::name);
        LocalDate born = Dates.parse("dateOfBirth", text(fields, "dateOfBirth", 10, true));
        EnrolmentRules.dateOfBirth(born, today).ifPresent(fault -> refuse("dateOfBirth", fault));
        String ssn = check("ssn", text(fields, "ssn", 11, true), EnrolmentRules::ssn).replace("-", "");
        String line1 = text(fields, "line1", 100, true);
        String line2 = text(fields, "line2", 100, false);
        String city = text(fields, "city", 60, true);
        String state = check("state", text(fields, "state", 2, true), EnrolmentRules::state);
        String zip = check("zip", text(fields, "zip", 10, true), EnrolmentRules::zip);
        String phone = PhoneNumbers.normalize(text(fields, "phone", 20, true)).orElseThrow(() -> new Refusal(Refusal.Kind.INVALID,
                "PHONE_INVALID", "The phone is a ten-digit North American number.", Map.of("field", "phone")));
        String email = text(fields, "email", 254, false);
        if (email != null) {
            check("email", email, EnrolmentRules::email);
        }
        PhotoIdType type = fields.requiredEnum("photoIdType", PhotoIdType.class);
        String idLast4 = text(fields, "photoIdLast4", 4, true);
        if (!PhotoId.validLastFour(idLast4)) {
            throw new Refusal(Refusal.Kind.INVALID, "FIELD_INVALID", "Record exactly the last four letters or digits of the ID number.",
                    Map.of("field", "photoIdLast4"));
        }
        LocalDate expires = Dates.parse("photoIdExpires", text(fields, "photoIdExpires", 10, true));
        return new Read(sessionId, new Enrolments.NewMember(first, last, born, ssn, line1, line2, city, state, zip, phone, email),
                new PhotoId(type, idLast4, expires));
    }

    /** A one-line text field: blank counts as absent; any control character or unpaired surrogate is refused. */
    private static String text(JsonFields fields, String field, int max, boolean required) {
        Optional<String> value = fields.optionalString(field, max).map(String::strip).filter(text -> !text.isEmpty());
        if (value.isEmpty()) {
            if (required) {
                throw JsonFields.missing(field);
            }
            return null;
        }
        String text = value.get();
        boolean control = text.chars().anyMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029');
        if (control || !coop.tally.web.WellFormedText.isAcceptable(text)) {
            throw new Refusal(Refusal.Kind.INVALID, "FIELD_INVALID", "'" + field + "' holds a control character or broken text.",
                    Map.of("field", field));
        }
        return text;
    }

    private static String check(String field, String value, java.util.function.Function<String, Optional<EnrolmentRules.Fault>> rule) {
        rule.apply(value).ifPresent(fault -> refuse(field, fault));
        return value;
    }

    private static void refuse(String field, EnrolmentRules.Fault fault) {
        throw new Refusal(Refusal.Kind.INVALID, fault.code(), fault.message(), Map.of("field", field));
    }
}
