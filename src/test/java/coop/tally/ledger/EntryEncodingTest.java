package coop.tally.ledger;

import coop.tally.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EntryEncodingTest {

    /**
     * A cash deposit of 100.00: entry 7, business date 2025-03-14, posted 2025-03-14T15:30:00.000123Z
     * by rep1 in session C42 with idempotency key k1; no approval, memo, reversal or reason.
     */
    private static Entry base() {
        return new Entry(7, EntryType.DEPOSIT, LocalDate.of(2025, 3, 14),
                Instant.parse("2025-03-14T15:30:00.000123Z"), "rep1", "C42", null, "k1", null, null, null,
                List.of(new CanonicalLine(1, AccountRef.gl("1010-rep1"), Side.DEBIT, Money.of("100.00")),
                        new CanonicalLine(2, AccountRef.member("100001-S00"), Side.CREDIT, Money.of("100.00"))));
    }

    // Written out by hand from the format in EntryEncoding's javadoc; a change here is a format change.
    private static final String GOLDEN_HEX = ""
            + "01"                                        // format version 1
            + "0000000000000007"                          // entry id 7
            + "00000007" + "4445504f534954"              // "DEPOSIT"
            + "0000000a" + "323032352d30332d3134"        // "2025-03-14"
            // 2025-03-14 is epoch day 20161 (55*365 + 14 leap days = 20089 on Jan 1, + 31 + 28 + 13);
            // 20161*86400 + 15.5*3600 = 1741966200 s; *10^6 + 123 = 1741966200000123 µs = 0x6304F1C8FCE7B
            + "0006304f1c8fce7b"
            + "00000004" + "72657031"                    // staff "rep1"
            + "01" + "00000003" + "433432"               // session present: "C42"
            + "00"                                        // approval id absent
            + "01" + "00000002" + "6b31"                 // idempotency key present: "k1"
            + "00"                                        // memo absent
            + "00"                                        // reverses-entry id absent
            + "00"                                        // reason code absent
            + "00000002"                                  // two lines
            + "00000001" + "47" + "00000009" + "313031302d72657031" + "44" + "0000000000002710"
            //  line 1     'G'    "1010-rep1"                           'D'    10000 cents
            + "00000002" + "4d" + "0000000a" + "3130303030312d533030" + "43" + "0000000000002710";
            //  line 2     'M'    "100001-S00"                             'C'    10000 cents

    @Test
    void golden_bytes_of_a_small_deposit() {
        assertEquals(GOLDEN_HEX, HexFormat.of().formatHex(EntryEncoding.encode(base().build())));
    }

    /**
     * Version 2, written out by hand: the same deposit posted under approval 9 of super2. Only the
     * version byte changes and the approver follows the approval id; an entry without an approver
     * keeps exactly the version-1 bytes above (so entries sealed before approvers existed still verify).
     */
    @Test
    void golden_bytes_of_an_approved_deposit_name_the_approver() {
        Entry approved = base();
        approved.approvalId = 9L;
        approved.approvedBy = "super2";
        String expected = "02" + GOLDEN_HEX.substring(2).replace(
                "01" + "00000003" + "433432" + "00" + "01" + "00000002" + "6b31",
                "01" + "00000003" + "433432"
                        + "01" + "0000000000000009"          // approval id present: 9
                        + "00000006" + "737570657232"        // approver "super2"
                        + "01" + "00000002" + "6b31");
        assertNotEquals(GOLDEN_HEX.substring(2), expected.substring(2), "the replacement took place");
        assertEquals(expected, HexFormat.of().formatHex(EntryEncoding.encode(approved.build())));
    }

    @Test
    void the_approver_is_sealed_another_approver_is_another_leaf() {
        Entry byOne = base();
        byOne.approvalId = 9L;
        byOne.approvedBy = "super1";
        Entry byOther = base();
        byOther.approvalId = 9L;
        byOther.approvedBy = "super2";
        Entry byNone = base();
        byNone.approvalId = 9L;
        assertNotEquals(HexFormat.of().formatHex(EntryEncoding.encode(byOne.build())),
                HexFormat.of().formatHex(EntryEncoding.encode(byOther.build())));
        assertNotEquals(HexFormat.of().formatHex(EntryEncoding.encode(byOne.build())),
                HexFormat.of().formatHex(EntryEncoding.encode(byNone.build())));
    }

    @Test
    void encoding_is_deterministic() {
        byte[] first = EntryEncoding.encode(base().build());
        byte[] second = EntryEncoding.encode(base().build());
        assertArrayEquals(first, second);
        CanonicalEntry entry = base().build();
        assertArrayEquals(EntryEncoding.encode(entry), EntryEncoding.encode(entry));
    }

    @Test
    void lines_are_encoded_in_line_number_order_whatever_order_they_were_loaded_in() {
        Entry shuffled = base();
        shuffled.lines = new ArrayList<>(shuffled.lines);
        java.util.Collections.reverse(shuffled.lines);
        assertArrayEquals(EntryEncoding.encode(base().build()), EntryEncoding.encode(shuffled.build()));
    }

    static Stream<Arguments> singleFieldChanges() {
        return Stream.of(
                change("entry id", e -> e.entryId = 8),
                change("entry type", e -> e.type = EntryType.WITHDRAWAL),
                change("business date", e -> e.businessDate = LocalDate.of(2025, 3, 15)),
                change("posted-at by one microsecond", e -> e.postedAt = e.postedAt.plusNanos(1_000)),
                change("staff", e -> e.staff = "rep2"),
                change("session absent", e -> e.session = null),
                change("session empty", e -> e.session = ""),
                change("approval present", e -> e.approvalId = 0L),
                change("key absent", e -> e.key = null),
                change("memo present", e -> e.memo = "coins"),
                change("memo empty", e -> e.memo = ""),
                change("key moved to memo", e -> {
                    e.memo = e.key;
                    e.key = null;
                }),
                change("reverses present", e -> e.reverses = 7L),
                change("reason present", e -> e.reason = "POSTING_ERROR"),
                change("boundary between staff and session", e -> {
                    e.staff = "rep1C";
                    e.session = "42";
                }),
                change("line number", e -> e.line(1, l -> new CanonicalLine(3, l.account(), l.side(), l.amount()))),
                change("line account kind", e -> e.line(0, l -> new CanonicalLine(1, AccountRef.member("1010-rep1"), l.side(), l.amount()))),
                change("line account id", e -> e.line(0, l -> new CanonicalLine(1, AccountRef.gl("1010-rep2"), l.side(), l.amount()))),
                change("line side", e -> e.line(0, l -> new CanonicalLine(1, l.account(), Side.CREDIT, l.amount()))),
                change("line amount by a cent", e -> e.line(1, l -> new CanonicalLine(2, l.account(), l.side(), Money.of("100.01")))),
                change("a line dropped", e -> e.lines = List.of(e.lines.get(0))),
                change("non-ASCII memo", e -> e.memo = "caf\u00e9"));
    }

    private static Arguments change(String name, java.util.function.Consumer<Entry> edit) {
        UnaryOperator<Entry> op = e -> {
            edit.accept(e);
            return e;
        };
        return Arguments.of(name, op);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleFieldChanges")
    void changing_any_single_field_changes_the_bytes(String name, UnaryOperator<Entry> edit) {
        byte[] original = EntryEncoding.encode(base().build());
        byte[] changed = EntryEncoding.encode(edit.apply(base()).build());
        assertFalse(java.util.Arrays.equals(original, changed), name);
    }

    @Test
    void all_the_changed_entries_encode_differently_from_each_other() {
        Map<String, String> seen = new HashMap<>();
        seen.put(HexFormat.of().formatHex(EntryEncoding.encode(base().build())), "base");
        singleFieldChanges().forEach(arguments -> {
            String name = (String) arguments.get()[0];
            @SuppressWarnings("unchecked")
            UnaryOperator<Entry> edit = (UnaryOperator<Entry>) arguments.get()[1];
            String hex = HexFormat.of().formatHex(EntryEncoding.encode(edit.apply(base()).build()));
            assertNull(seen.put(hex, name), () -> name + " encodes like " + seen.get(hex));
        });
    }

    @Test
    void text_split_differently_across_neighbouring_fields_encodes_differently() {
        Entry abC = base();
        abC.memo = "ab";
        abC.reason = "c";
        Entry aBc = base();
        aBc.memo = "a";
        aBc.reason = "bc";
        assertNotEquals(HexFormat.of().formatHex(EntryEncoding.encode(abC.build())),
                HexFormat.of().formatHex(EntryEncoding.encode(aBc.build())));
    }

    @Test
    void absent_and_empty_optional_strings_are_distinct_bytes() {
        Entry empty = base();
        empty.memo = "";
        byte[] bytes = EntryEncoding.encode(empty.build());
        byte[] absent = EntryEncoding.encode(base().build());
        // empty adds the presence byte's worth (01 instead of 00) plus a 4-byte zero length
        assertEquals(absent.length + 4, bytes.length);
    }

    @Test
    void strings_are_utf8_with_byte_lengths() {
        Entry entry = base();
        entry.staff = "\u00e9"; // é = C3 A9 in UTF-8: 2 bytes, 1 char
        String hex = HexFormat.of().formatHex(EntryEncoding.encode(entry.build()));
        assertEquals(true, hex.contains("00000002c3a9"), hex);
    }

    @Test
    void refuses_text_that_is_not_well_formed_unicode() {
        Entry entry = base();
        entry.memo = "\ud800";
        assertThrows(IllegalArgumentException.class, () -> EntryEncoding.encode(entry.build()));
    }

    @Test
    void refuses_a_posted_at_finer_than_microseconds() {
        Entry entry = base();
        entry.postedAt = entry.postedAt.plusNanos(1);
        assertThrows(IllegalArgumentException.class, entry::build);
    }

    @Test
    void refuses_duplicate_line_numbers() {
        Entry entry = base();
        entry.line(1, l -> new CanonicalLine(1, l.account(), l.side(), l.amount()));
        assertThrows(IllegalArgumentException.class, entry::build);
    }

    @Test
    void numbers_draft_lines_from_one() {
        List<CanonicalLine> lines = CanonicalLine.numbered(List.of(
                LineDraft.debit(AccountRef.gl("1010-rep1"), Money.of("100.00")),
                LineDraft.credit(AccountRef.member("100001-S00"), Money.of("100.00"))));
        assertEquals(base().lines, lines);
    }

    /** A mutable stand-in for the record so that each test changes exactly one field. */
    static final class Entry {
        long entryId;
        EntryType type;
        LocalDate businessDate;
        Instant postedAt;
        String staff;
        String session;
        Long approvalId;
        String approvedBy;
        String key;
        String memo;
        Long reverses;
        String reason;
        List<CanonicalLine> lines;

        Entry(long entryId, EntryType type, LocalDate businessDate, Instant postedAt, String staff, String session,
              Long approvalId, String key, String memo, Long reverses, String reason, List<CanonicalLine> lines) {
            this.entryId = entryId;
            this.type = type;
            this.businessDate = businessDate;
            this.postedAt = postedAt;
            this.staff = staff;
            this.session = session;
            this.approvalId = approvalId;
            this.key = key;
            this.memo = memo;
            this.reverses = reverses;
            this.reason = reason;
            this.lines = lines;
        }

        void line(int index, UnaryOperator<CanonicalLine> edit) {
            List<CanonicalLine> copy = new ArrayList<>(lines);
            copy.set(index, edit.apply(copy.get(index)));
            lines = copy;
        }

        CanonicalEntry build() {
            return new CanonicalEntry(entryId, type, businessDate, postedAt, staff, session, approvalId, approvedBy, key,
                    memo, reverses, reason, lines);
        }

        @Override
        public String toString() {
            return "entry " + entryId;
        }
    }
}
