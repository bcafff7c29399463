package coop.tally.ledger;

import coop.tally.crypto.CanonicalWriter;


/**
 * The canonical byte encoding of a committed journal entry and its lines. The ledger's leaf hash is
 * {@code SHA-256(0x00 || encode(entry))} (RFC 6962 style); this class only produces the bytes.
 *
 * <h2>Format, version 1</h2>
 *
 * The bytes are a concatenation of fields in the fixed order below, with no tags, separators or
 * padding. Primitive encodings:
 * <ul>
 *   <li><b>u8</b>: one byte.</li>
 *   <li><b>i32</b>: 4 bytes, big-endian, two's complement.</li>
 *   <li><b>i64</b>: 8 bytes, big-endian, two's complement.</li>
 *   <li><b>str</b>: i32 byte length {@code n} (≥ 0), then the {@code n} bytes of the string in
 *       UTF-8 (no byte-order mark, no terminator, no Unicode normalisation: the exact stored
 *       characters). A string that is not well-formed UTF-16 (an unpaired surrogate) is refused,
 *       because it has no faithful UTF-8 form.</li>
 *   <li><b>opt-str</b>: u8 {@code 0x00} if absent (nothing follows), or u8 {@code 0x01} followed by
 *       a <b>str</b>. An empty string is therefore {@code 01 00000000}, distinct from absent
 *       {@code 00}.</li>
 *   <li><b>opt-i64</b>: u8 {@code 0x00} if absent, or u8 {@code 0x01} followed by an <b>i64</b>.</li>
 * </ul>
 *
 * Fields, in order:
 * <ol>
 *   <li>u8 format version = {@code 0x01}</li>
 *   <li>i64 entry id</li>
 *   <li>str entry type: the type's name in ASCII, e.g. {@code "DEPOSIT"}</li>
 *   <li>str business date: ISO-8601 {@code yyyy-MM-dd}, e.g. {@code "2025-03-14"}</li>
 *   <li>i64 posted-at: microseconds since 1970-01-01T00:00:00Z (UTC)</li>
 *   <li>str acting staff username</li>
 *   <li>opt-str member session (call or visit) id</li>
 *   <li>opt-i64 approval id</li>
 *   <li>opt-str idempotency key</li>
 *   <li>opt-str memo</li>
 *   <li>opt-i64 id of the entry this one reverses</li>
 *   <li>opt-str reason code</li>
 *   <li>i32 number of lines, then for each line in ascending line-number order:
 *     <ol>
 *       <li>i32 line number</li>
 *       <li>u8 account kind: {@code 'M'} (0x4D) member account, {@code 'G'} (0x47) GL account</li>
 *       <li>str account id (member account number or GL code)</li>
 *       <li>u8 side: {@code 'D'} (0x44) debit, {@code 'C'} (0x43) credit</li>
 *       <li>i64 amount in cents</li>
 *     </ol>
 *   </li>
 * </ol>
 *
 * <h2>Format, version 2</h2>
 *
 * An entry posted under a supervisor's approval also names the approver, so that the maker and the
 * checker are both sealed. Such an entry is encoded as version 1 with the version byte {@code 0x02}
 * and one more field right after the approval id: <b>str</b> approving supervisor's username.
 * An entry without an approver is encoded exactly as version 1 (byte {@code 0x01}), so every entry
 * sealed before version 2 existed keeps its bytes and its leaf hash.
 *
 * Because every variable-length field carries its length and every optional field its presence,
 * two different entries can never encode to the same bytes (moving text between fields, or between
 * neighbouring strings, always changes the bytes). Any change to this layout must bump the
 * version byte, and entries already sealed keep the version they were sealed with.
 */
public final class EntryEncoding {

    public static final byte FORMAT_VERSION = 0x01;
    /** The version of an entry that names its approving supervisor. */
    public static final byte FORMAT_VERSION_APPROVED = 0x02;
    static final byte ABSENT = CanonicalWriter.ABSENT;
    static final byte PRESENT = CanonicalWriter.PRESENT;

    private EntryEncoding() {
    }

    /** The canonical bytes of {@code entry}; the same entry always yields the same bytes. */
    public static byte[] encode(CanonicalEntry entry) {
        CanonicalWriter out = new CanonicalWriter();
        boolean approved = entry.approvedBy() != null;
        out.u8(approved ? FORMAT_VERSION_APPROVED : FORMAT_VERSION);
        out.i64(entry.entryId());
        out.str(entry.type().name());
        out.str(entry.businessDate().toString());
        out.instant(entry.postedAt());
        out.str(entry.staffUsername());
        out.optStr(entry.sessionId());
        out.optI64(entry.approvalId());
        if (approved) {
            out.str(entry.approvedBy());
        }
        out.optStr(entry.idempotencyKey());
        out.optStr(entry.memo());
        out.optI64(entry.reversesEntryId());
        out.optStr(entry.reasonCode());
        out.i32(entry.lines().size());
        for (CanonicalLine line : entry.lines()) {
            out.i32(line.lineNumber());
            out.u8(kindByte(line.account().kind()));
            out.str(line.account().id());
            out.u8(sideByte(line.side()));
            out.i64(line.amount().cents());
        }
        return out.bytes();
    }

    static byte kindByte(AccountRef.Kind kind) {
        return switch (kind) {
            case MEMBER -> 'M';
            case GL -> 'G';
        };
    }

    static byte sideByte(Side side) {
        return switch (side) {
            case DEBIT -> 'D';
            case CREDIT -> 'C';
        };
    }
}
