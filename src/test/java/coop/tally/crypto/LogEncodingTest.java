package coop.tally.crypto;

import coop.tally.audit.Merkle;
import coop.tally.crypto.LogEncoding.CallEventRow;
import coop.tally.crypto.LogEncoding.SecurityEventRow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LogEncodingTest {

    private static final Instant AT = Instant.parse("2025-03-14T15:30:00.000123Z");
    private static final Instant LATER = Instant.parse("2025-03-14T15:30:00.000124Z");

    private static CallEventRow call() {
        return new CallEventRow(5, "c1", AT, "rep1", "NOTE", "100001", null, "", "hi");
    }

    private static SecurityEventRow security() {
        return new SecurityEventRow(9, AT, "SIGN_IN", "rep1", null, "", "127.0.0.1");
    }

    // Written out by hand from the format in LogEncoding's javadoc; a change here is a format change.
    // 2025-03-14T15:30:00.000123Z = 1741966200000123 µs = 0x6304F1C8FCE7B (see EntryEncodingTest).
    private static final String CALL_GOLDEN = ""
            + "01"                                        // format version 1
            + "0000000a" + "63616c6c5f6576656e74"        // log "call_event"
            + "0000000000000005"                          // id 5
            + "00000002" + "6331"                        // call id "c1"
            + "0006304f1c8fce7b"                          // occurred at
            + "00000004" + "72657031"                    // staff "rep1"
            + "00000004" + "4e4f5445"                    // event type "NOTE"
            + "01" + "00000006" + "313030303031"         // member number present: "100001"
            + "00"                                        // factor absent
            + "01" + "00000000"                          // outcome present and empty
            + "01" + "00000002" + "6869";                // detail "hi"

    private static final String SECURITY_GOLDEN = ""
            + "01"                                        // format version 1
            + "0000000e" + "73656375726974795f6576656e74" // log "security_event"
            + "0000000000000009"                          // id 9
            + "0006304f1c8fce7b"                          // occurred at
            + "00000007" + "5349474e5f494e"              // event type "SIGN_IN"
            + "01" + "00000004" + "72657031"             // actor "rep1"
            + "00"                                        // subject absent
            + "01" + "00000000"                          // detail present and empty
            + "01" + "00000009" + "3132372e302e302e31";  // remote address "127.0.0.1"

    @Test
    void golden_bytes_of_a_call_event() {
        assertEquals(CALL_GOLDEN, HexFormat.of().formatHex(LogEncoding.encode(call())));
    }

    @Test
    void golden_bytes_of_a_security_event() {
        assertEquals(SECURITY_GOLDEN, HexFormat.of().formatHex(LogEncoding.encode(security())));
    }

    @Test
    void golden_leaf_hash_is_sha256_of_zero_then_the_bytes() throws Exception {
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        sha.update((byte) 0);
        sha.update(HexFormat.of().parseHex(CALL_GOLDEN));
        assertArrayEquals(sha.digest(), Merkle.leafHash(LogEncoding.encode(call())));
    }

    @Test
    void encoding_is_deterministic() {
        assertArrayEquals(LogEncoding.encode(call()), LogEncoding.encode(call()));
        assertArrayEquals(LogEncoding.encode(security()), LogEncoding.encode(security()));
    }

    @Test
    void changing_any_call_event_field_changes_the_bytes() {
        CallEventRow b = call();
        Map<String, CallEventRow> changed = new LinkedHashMap<>();
        changed.put("id", new CallEventRow(6, b.callId(), b.occurredAt(), b.staff(), b.eventType(), b.memberNumber(), b.factor(), b.outcome(), b.detail()));
        changed.put("callId", new CallEventRow(b.id(), "c2", b.occurredAt(), b.staff(), b.eventType(), b.memberNumber(), b.factor(), b.outcome(), b.detail()));
        changed.put("occurredAt", new CallEventRow(b.id(), b.callId(), LATER, b.staff(), b.eventType(), b.memberNumber(), b.factor(), b.outcome(), b.detail()));
        changed.put("staff", new CallEventRow(b.id(), b.callId(), b.occurredAt(), "rep2", b.eventType(), b.memberNumber(), b.factor(), b.outcome(), b.detail()));
        changed.put("eventType", new CallEventRow(b.id(), b.callId(), b.occurredAt(), b.staff(), "NOTF", b.memberNumber(), b.factor(), b.outcome(), b.detail()));
        changed.put("memberNumber", new CallEventRow(b.id(), b.callId(), b.occurredAt(), b.staff(), b.eventType(), "100002", b.factor(), b.outcome(), b.detail()));
        changed.put("memberNumber absent", new CallEventRow(b.id(), b.callId(), b.occurredAt(), b.staff(), b.eventType(), null, b.factor(), b.outcome(), b.detail()));
        changed.put("factor present", new CallEventRow(b.id(), b.callId(), b.occurredAt(), b.staff(), b.eventType(), b.memberNumber(), "PIN", b.outcome(), b.detail()));
        changed.put("factor empty", new CallEventRow(b.id(), b.callId(), b.occurredAt(), b.staff(), b.eventType(), b.memberNumber(), "", b.outcome(), b.detail()));
        changed.put("outcome", new CallEventRow(b.id(), b.callId(), b.occurredAt(), b.staff(), b.eventType(), b.memberNumber(), b.factor(), "FAIL", b.detail()));
        changed.put("outcome absent", new CallEventRow(b.id(), b.callId(), b.occurredAt(), b.staff(), b.eventType(), b.memberNumber(), b.factor(), null, b.detail()));
        changed.put("detail", new CallEventRow(b.id(), b.callId(), b.occurredAt(), b.staff(), b.eventType(), b.memberNumber(), b.factor(), b.outcome(), "ho"));
        changed.put("detail absent", new CallEventRow(b.id(), b.callId(), b.occurredAt(), b.staff(), b.eventType(), b.memberNumber(), b.factor(), b.outcome(), null));
        changed.put("text moved between staff and type", new CallEventRow(b.id(), b.callId(), b.occurredAt(), "rep1N", "OTE", b.memberNumber(), b.factor(), b.outcome(), b.detail()));
        byte[] base = LogEncoding.encode(b);
        changed.forEach((field, row) -> assertFalse(java.util.Arrays.equals(base, LogEncoding.encode(row)), field));
    }

    @Test
    void changing_any_security_event_field_changes_the_bytes() {
        SecurityEventRow b = security();
        Map<String, SecurityEventRow> changed = new LinkedHashMap<>();
        changed.put("id", new SecurityEventRow(10, b.occurredAt(), b.eventType(), b.actor(), b.subject(), b.detail(), b.remoteAddr()));
        changed.put("occurredAt", new SecurityEventRow(b.id(), LATER, b.eventType(), b.actor(), b.subject(), b.detail(), b.remoteAddr()));
        changed.put("eventType", new SecurityEventRow(b.id(), b.occurredAt(), "SIGN_OUT", b.actor(), b.subject(), b.detail(), b.remoteAddr()));
        changed.put("actor", new SecurityEventRow(b.id(), b.occurredAt(), b.eventType(), "rep2", b.subject(), b.detail(), b.remoteAddr()));
        changed.put("actor absent", new SecurityEventRow(b.id(), b.occurredAt(), b.eventType(), null, b.subject(), b.detail(), b.remoteAddr()));
        changed.put("subject present", new SecurityEventRow(b.id(), b.occurredAt(), b.eventType(), b.actor(), "x", b.detail(), b.remoteAddr()));
        changed.put("subject empty", new SecurityEventRow(b.id(), b.occurredAt(), b.eventType(), b.actor(), "", b.detail(), b.remoteAddr()));
        changed.put("detail", new SecurityEventRow(b.id(), b.occurredAt(), b.eventType(), b.actor(), b.subject(), "ok", b.remoteAddr()));
        changed.put("detail absent", new SecurityEventRow(b.id(), b.occurredAt(), b.eventType(), b.actor(), b.subject(), null, b.remoteAddr()));
        changed.put("remoteAddr", new SecurityEventRow(b.id(), b.occurredAt(), b.eventType(), b.actor(), b.subject(), b.detail(), "127.0.0.2"));
        changed.put("remoteAddr absent", new SecurityEventRow(b.id(), b.occurredAt(), b.eventType(), b.actor(), b.subject(), b.detail(), null));
        changed.put("text moved between detail and address", new SecurityEventRow(b.id(), b.occurredAt(), b.eventType(), b.actor(), b.subject(), "1", "27.0.0.1"));
        byte[] base = LogEncoding.encode(b);
        changed.forEach((field, row) -> assertFalse(java.util.Arrays.equals(base, LogEncoding.encode(row)), field));
    }

    @Test
    void a_call_event_and_a_security_event_never_share_bytes() {
        assertFalse(java.util.Arrays.equals(LogEncoding.encode(call()), LogEncoding.encode(security())));
    }

    @Test
    void unpaired_surrogates_and_missing_required_columns_are_refused() {
        CallEventRow b = call();
        assertThrows(IllegalArgumentException.class, () -> LogEncoding.encode(new CallEventRow(b.id(), b.callId(),
                b.occurredAt(), b.staff(), b.eventType(), b.memberNumber(), b.factor(), b.outcome(), "\uD800")));
        assertThrows(IllegalArgumentException.class, () -> LogEncoding.encode(new CallEventRow(b.id(), null,
                b.occurredAt(), b.staff(), b.eventType(), b.memberNumber(), b.factor(), b.outcome(), b.detail())));
        SecurityEventRow s = security();
        assertThrows(IllegalArgumentException.class, () -> LogEncoding.encode(new SecurityEventRow(s.id(), null,
                s.eventType(), s.actor(), s.subject(), s.detail(), s.remoteAddr())));
    }
}
