package coop.tally.member;

import coop.tally.platform.Refusal;

import java.util.regex.Pattern;

/**
 * What a staff member typed into the member search, read as one of: a member number (digits
 * only, exact), an account number ({@code 100001-S00}, exact), a phone number (ten digits, any
 * punctuation) or a name (prefix of the last name, or of "first last", any case).
 */
public record MemberSearch(Kind kind, String value) {

    public enum Kind { MEMBER_NUMBER, ACCOUNT_NUMBER, PHONE, NAME }

    static final int MAX_LENGTH = 100;

    private static final Pattern MEMBER_NUMBER = Pattern.compile("[0-9]{1,9}");
    private static final Pattern ACCOUNT_NUMBER = Pattern.compile("[0-9]{1,9}-[A-Za-z][0-9]{2}");
    private static final Pattern PHONE_LIKE = Pattern.compile("[0-9 +\\-().]+");
    /** Letters of any script, spaces, apostrophes, hyphens and periods: O'Brien, Smith-Jones, St. John. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L}\\p{M} '\\-.]*");

    public static MemberSearch parse(String query) {
        if (query == null || query.isBlank()) {
            throw Refusal.invalid("SEARCH_QUERY_MISSING",
                    "Give q: a name, a member number, an account number or a phone number.");
        }
        if (query.length() > MAX_LENGTH) {
            throw Refusal.invalid("SEARCH_QUERY_TOO_LONG", "q is longer than " + MAX_LENGTH + " characters.");
        }
        String text = query.strip();
        if (MEMBER_NUMBER.matcher(text).matches()) {
            return new MemberSearch(Kind.MEMBER_NUMBER, text);
        }
        if (ACCOUNT_NUMBER.matcher(text).matches()) {
            return new MemberSearch(Kind.ACCOUNT_NUMBER, text.toUpperCase(java.util.Locale.ROOT));
        }
        if (PHONE_LIKE.matcher(text).matches()) {
            return PhoneNumbers.normalize(text)
                    .map(phone -> new MemberSearch(Kind.PHONE, phone))
                    .orElseThrow(() -> Refusal.invalid("SEARCH_QUERY_INVALID",
                            "A phone number needs its ten digits, area code included."));
        }
        if (NAME.matcher(text).matches()) {
            return new MemberSearch(Kind.NAME, NameKeys.of(text));
        }
        throw Refusal.invalid("SEARCH_QUERY_INVALID",
                "q is not a name, a member number, an account number or a phone number.");
    }
}
