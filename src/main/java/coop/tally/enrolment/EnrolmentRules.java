package coop.tally.enrolment;

import coop.tally.member.PersonNames;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What enrolment data must look like, beyond its JSON shape. Pure rules: each check answers the
 * problem's code and message, or nothing when the value is good.
 */
final class EnrolmentRules {

    private static final Pattern SSN = Pattern.compile("([0-9]{3})-?([0-9]{2})-?([0-9]{4})");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    /** The oldest age a date of birth may give: older than anyone living. */
    static final int MAX_AGE = 125;

    /** A problem with one field. */
    record Fault(String code, String message) {
    }

    private EnrolmentRules() {
    }

    static Optional<Fault> name(String name) {
        if (!PersonNames.isValid(name)) {
            return fault("NAME_INVALID", "A name is letters, with spaces, hyphens, apostrophes or periods, at most 60 characters.");
        }
        return Optional.empty();
    }

    /**
     * An SSN as the Social Security Administration issues them: nine digits, never area 000, 666 or
     * 900-999, group 00 or serial 0000.
     */
    static Optional<Fault> ssn(String ssn) {
        var parts = SSN.matcher(ssn);
        if (!parts.matches()) {
            return fault("SSN_INVALID", "An SSN is nine digits, written 123-45-6789 or 123456789.");
        }
        int area = Integer.parseInt(parts.group(1));
        if (area == 0 || area == 666 || area >= 900 || parts.group(2).equals("00") || parts.group(3).equals("0000")) {
            return fault("SSN_INVALID", "That is not a number the Social Security Administration issues.");
        }
        return Optional.empty();
    }

    static Optional<Fault> dateOfBirth(LocalDate born, LocalDate today) {
        if (born.isAfter(today)) {
            return fault("DATE_OF_BIRTH_INVALID", "The date of birth is in the future.");
        }
        if (born.isBefore(today.minusYears(MAX_AGE))) {
            return fault("DATE_OF_BIRTH_INVALID", "The date of birth is more than " + MAX_AGE + " years ago.");
        }
        return Optional.empty();
    }

    static Optional<Fault> email(String email) {
        return email.length() <= 254 && EMAIL.matcher(email).matches() ? Optional.empty()
                : fault("EMAIL_INVALID", "Not an e-mail address.");
    }

    static Optional<Fault> state(String state) {
        return state.matches("[A-Z]{2}") ? Optional.empty() : fault("STATE_INVALID", "The state is a two-letter code, e.g. IL.");
    }

    static Optional<Fault> zip(String zip) {
        return zip.matches("[0-9]{5}(-[0-9]{4})?") ? Optional.empty() : fault("ZIP_INVALID", "The ZIP code is 5 digits or ZIP+4.");
    }

    private static Optional<Fault> fault(String code, String message) {
        return Optional.of(new Fault(code, message));
    }
}
