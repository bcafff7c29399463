package coop.tally.audit;

import coop.tally.ledger.AccountRef;
import coop.tally.ledger.CanonicalEntry;
import coop.tally.ledger.CanonicalLine;
import coop.tally.ledger.EntryEncoding;
import coop.tally.ledger.EntryType;
import coop.tally.ledger.Side;
import coop.tally.money.Money;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static coop.tally.web.JsonBuilders.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JDK-only verifier ({@code src/main/verifier/TallyVerify.java}, run as a program) against an
 * export built here from entries that exercise every field of the canonical encoding (absent and
 * empty strings, non-ASCII text, reversals, several lines out of order), hashed with the
 * application's own {@link EntryEncoding}: the two encodings must agree byte for byte.
 */
class OfflineVerifierTest {

    private static final byte[] PRIVATE_KEY = new byte[32];
    private static final Instant AT = Instant.parse("2025-03-14T15:09:26.535897Z");

    @TempDir
    static Path folder;
    private static Path export;

    @BeforeAll
    static void writeExport() throws IOException {
        for (int i = 0; i < 32; i++) {
            PRIVATE_KEY[i] = (byte) (i * 7 + 1);
        }
        List<CanonicalEntry> entries = List.of(
                entry(1, EntryType.OPENING_BALANCE, null, null, null, null, null, null),
                entry(2, EntryType.DEPOSIT, "call-17", 5L, "key-1", "", null, null),
                entry(3, EntryType.DEPOSIT, null, null, null, "Café – 5 € for Zoë 💶", null, null),
                entry(4, EntryType.REVERSAL, "visit-2", 9L, "key-2", "wrong account", 2L, "POSTING_ERROR"),
                entry(5, EntryType.TRANSFER, null, null, null, "line\nbreak \"quoted\" \\ back", null, null),
                approved(entry(6, EntryType.WITHDRAWAL, "call-18", 12L, "approval-12", null, null, null), "super2"));
        List<byte[]> leaves = entries.stream().map(e -> Merkle.leafHash(EntryEncoding.encode(e))).toList();
        byte[] publicKey = Ed25519.publicKey(PRIVATE_KEY);

        List<String> lines = new ArrayList<>();
        lines.add(JSON.createObjectBuilder().add("algorithm", "Ed25519").add("keyId", SigningKey.keyIdOf(publicKey))
                .add("publicKey", Hex.of(publicKey)).add("type", "header").add("format", Export.FORMAT)
                .add("from", "2025-03-14").add("to", "2025-03-14").build().toString());
        lines.add(checkpoint(1, 3, leaves, publicKey));
        lines.add(checkpoint(2, 6, leaves, publicKey));
        for (int i = 0; i < leaves.size(); i++) {
            lines.add(JSON.createObjectBuilder().add("type", "leaf").add("leafIndex", i)
                    .add("leafHash", Hex.of(leaves.get(i))).build().toString());
        }
        for (int i = 0; i < entries.size(); i++) {
            lines.add(AuditJson.entry(entries.get(i)).add("type", "entry").add("leafIndex", i).build().toString());
        }
        export = folder.resolve("export.jsonl");
        Files.write(export, lines, StandardCharsets.UTF_8);
    }

    @Test
    void anUntouchedExportVerifiesWithAnInclusionProof() throws Exception {
        Run run = verifier(export, "--key", Hex.of(Ed25519.publicKey(PRIVATE_KEY)), "--entry", "4");
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().startsWith("OK: 6 entries, 6 leaves, 2 checkpoints"), run.output());
        assertTrue(run.output().contains("entry 4 is leaf 3 of checkpoint 2"), run.output());
    }

    @Test
    void oneChangedCharacterInAnEntryIsNamed() throws Exception {
        String text = Files.readString(export, StandardCharsets.UTF_8);
        Path changed = folder.resolve("changed.jsonl");
        Files.writeString(changed, text.replace("Zoë", "Zoe"), StandardCharsets.UTF_8);
        Run run = verifier(changed);
        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().startsWith("MISMATCH: entry 3 "), run.output());
    }

    @Test
    void anEmptyMemoIsNotAnAbsentOne() throws Exception {
        String text = Files.readString(export, StandardCharsets.UTF_8);
        Path changed = folder.resolve("absent.jsonl");
        Files.writeString(changed, text.replace("\"memo\":\"\"", "\"memo\":null"), StandardCharsets.UTF_8);
        Run run = verifier(changed);
        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().startsWith("MISMATCH: entry 2 "), run.output());
    }

    @Test
    void theApproverIsSealed() throws Exception {
        String text = Files.readString(export, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"approvedBy\":\"super2\""), "the export names the approver");
        Path changed = folder.resolve("approver.jsonl");
        Files.writeString(changed, text.replace("\"approvedBy\":\"super2\"", "\"approvedBy\":\"super1\""), StandardCharsets.UTF_8);
        Run run = verifier(changed);
        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().startsWith("MISMATCH: entry 6 "), run.output());
    }

    @Test
    void aForeignKeyIsRefused() throws Exception {
        Run run = verifier(export, "--key", "11".repeat(32));
        assertEquals(1, run.exit(), run.output());
    }

    private static CanonicalEntry entry(long id, EntryType type, String session, Long approval, String key, String memo,
                                        Long reverses, String reason) {
        List<CanonicalLine> lines = List.of(
                new CanonicalLine(3, AccountRef.gl("4100"), Side.CREDIT, Money.of("1.05")),
                new CanonicalLine(1, AccountRef.gl("1010-rep1"), Side.DEBIT, Money.of("1001.05")),
                new CanonicalLine(2, AccountRef.member("100001-S00"), Side.CREDIT, Money.of("1000.00")));
        return new CanonicalEntry(id, type, LocalDate.of(2025, 3, 14), AT.plusSeconds(id), "rep1", session, approval,
                key, memo, reverses, reason, lines);
    }

    private static CanonicalEntry approved(CanonicalEntry entry, String approver) {
        return new CanonicalEntry(entry.entryId(), entry.type(), entry.businessDate(), entry.postedAt(),
                entry.staffUsername(), entry.sessionId(), entry.approvalId(), approver, entry.idempotencyKey(), entry.memo(),
                entry.reversesEntryId(), entry.reasonCode(), entry.lines());
    }

    private static String checkpoint(long id, int size, List<byte[]> leaves, byte[] publicKey) {
        String root = Hex.of(Merkle.root(leaves, size));
        Instant createdAt = AT.plusSeconds(60 * id);
        String signature = Hex.of(Ed25519.sign(PRIVATE_KEY, Checkpoint.signedText(size, root, createdAt, "ON_DEMAND")));
        return AuditJson.checkpoint(new Checkpoint(id, size, root, createdAt, "ON_DEMAND", SigningKey.keyIdOf(publicKey),
                signature)).add("type", "checkpoint").build().toString();
    }

    private record Run(int exit, String output) {
    }

    private static Run verifier(Path file, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "src/main/verifier/TallyVerify.java", file.toString()));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        return new Run(process.exitValue(), output);
    }
}
