/*
 * Tally offline verifier: checks a signed ledger export (JSON Lines from GET /api/audit/export) on a
 * machine with only a JDK (17 or later), trusting nothing but the credit union's public key.
 *
 *   java TallyVerify.java export.jsonl [--key <public key hex>] [--entry <entry id>] [--proof proof.json]
 *
 * It checks, and prints OK or the first thing that does not match (exit status 0 or 1):
 *   1. every checkpoint's Ed25519 signature, with the export's public key (or the one given by --key,
 *      which should be the credit union's published key: an export can carry any key);
 *   2. the Merkle root (RFC 9162) of the exported leaf hashes at every checkpoint's tree size equals the
 *      signed root, and sizes never shrink, so every checkpoint's tree is a prefix of the next;
 *   3. every exported entry is sealed (an entry Tally never sealed, e.g. one written behind its back, has
 *      no leaf: the MAC that proves a row is Tally's needs a key this verifier does not have), and,
 *      re-encoded exactly as Tally encodes it (EntryEncoding, format 1) and hashed
 *      as SHA-256(0x00 || bytes), equals the leaf at its leaf index, covered by the newest checkpoint;
 *   4. the call log and the security log (export v2): every log checkpoint's signature (over a text that
 *      names the log, so a journal checkpoint never passes for a log's), sizes that never shrink, the root
 *      of each log's exported leaves at every checkpoint's size, and every exported log row re-encoded
 *      (LogEncoding, format 1) and hashed to its leaf; a leaf whose row was deleted is a mismatch;
 *   5. an RFC 9162 inclusion proof of one entry (--entry, default the first exported) against the newest
 *      checkpoint, built from the leaves and checked with the RFC's verification algorithm; and with
 *      --proof, a proof served by GET /api/audit/entries/{id}/inclusion against a checkpoint in the export.
 *
 * One file, no dependencies: it parses the JSON itself and uses the JDK's own SHA-256 and Ed25519.
 */

import java.io.BufferedReader;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class TallyVerify {

    private static final HexFormat HEX = HexFormat.of();

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: java TallyVerify.java export.jsonl [--key <hex>] [--entry <id>] [--proof proof.json]");
            System.exit(2);
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        try {
            String summary = new TallyVerify().verify(Path.of(args[0]), options);
            System.out.println("OK: " + summary);
        } catch (Mismatch e) {
            System.out.println("MISMATCH: " + e.getMessage());
            System.exit(1);
        }
    }

    /** The first thing that does not verify. */
    static final class Mismatch extends Exception {
        Mismatch(String message) {
            super(message);
        }
    }

    private byte[] publicKey;
    private final List<Map<String, Object>> checkpoints = new ArrayList<>();
    private final List<byte[]> leaves = new ArrayList<>();
    private final Logs logs = new Logs();

    String verify(Path export, Map<String, String> options) throws Exception {
        // entries are checked as they stream by (an export of a big day does not fit in memory as
        // parsed objects); only the ones a proof is asked for are kept
        Map<String, Object> servedProof = options.containsKey("--proof")
                ? Json.object(Files.readString(Path.of(options.get("--proof")), StandardCharsets.UTF_8)) : null;
        Long wantedEntry = options.containsKey("--entry") ? Long.valueOf(options.get("--entry")) : null;
        Map<String, Object> provenEntry = null;
        Map<String, Object> servedEntry = null;
        long entries = 0;
        long covered = -1;
        int lineNumber = 0;
        try (BufferedReader reader = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            for (String line; (line = reader.readLine()) != null; ) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                Map<String, Object> record;
                try {
                    record = Json.object(line);
                } catch (RuntimeException e) {
                    throw new Mismatch("line " + lineNumber + " is not a JSON object: " + e.getMessage());
                }
                String type = text(record, "type");
                if (covered >= 0 && !type.equals("entry")) {
                    throw new Mismatch("line " + lineNumber + ": a " + type + " after the entries");
                }
                switch (type) {
                    case "header" -> header(record, options.get("--key"));
                    case "checkpoint" -> checkpoints.add(record);
                    case "leaf" -> leaf(record);
                    case "log-checkpoint" -> logs.checkpoint(record);
                    case "log-leaf" -> logs.leaf(record);
                    case "entry" -> {
                        if (covered < 0) {
                            covered = checkCheckpoints();
                            logs.checkCheckpoints(publicKey);
                        }
                        checkEntry(record, covered);
                        entries++;
                        long id = number(record, "entryId");
                        if (wantedEntry == null ? provenEntry == null : wantedEntry == id) {
                            provenEntry = record;
                        }
                        if (servedProof != null && number(servedProof, "entryId") == id) {
                            servedEntry = record;
                        }
                    }
                    default -> throw new Mismatch("line " + lineNumber + " has unknown type " + type);
                }
                if (publicKey == null) {
                    throw new Mismatch("the export does not start with its header");
                }
            }
        }
        if (publicKey == null) {
            throw new Mismatch("the export is empty");
        }
        if (covered < 0) {
            checkCheckpoints();
            logs.checkCheckpoints(publicKey);
        }
        if (wantedEntry != null && provenEntry == null) {
            throw new Mismatch("entry " + wantedEntry + " is not in the export");
        }
        String inclusion = provenEntry == null ? "no entry to prove" : proveEntry(provenEntry);
        String served = servedProof == null ? "" : "; " + checkServedProof(servedProof, servedEntry);
        return entries + " entries, " + leaves.size() + " leaves, " + checkpoints.size()
                + " checkpoints signed by key " + keyId(publicKey) + "; " + inclusion + served + logs.summary();
    }

    // ------------------------------------------------------------------ records

    private void header(Map<String, Object> header, String expectedKey) throws Mismatch {
        if (!"tally-export-v1".equals(header.get("format")) && !"tally-export-v2".equals(header.get("format"))) {
            throw new Mismatch("unknown export format " + header.get("format"));
        }
        if (!"Ed25519".equals(header.get("algorithm"))) {
            throw new Mismatch("unknown signature algorithm " + header.get("algorithm"));
        }
        publicKey = hex(text(header, "publicKey"));
        if (expectedKey != null && !Arrays.equals(publicKey, hex(expectedKey))) {
            throw new Mismatch("the export's public key " + text(header, "publicKey") + " is not the key given");
        }
        if (!keyId(publicKey).equals(header.get("keyId"))) {
            throw new Mismatch("the header's key id does not belong to its public key");
        }
    }

    private void leaf(Map<String, Object> leaf) throws Mismatch {
        long index = number(leaf, "leafIndex");
        if (index != leaves.size()) {
            throw new Mismatch("leaf " + index + " where leaf " + leaves.size() + " was expected");
        }
        leaves.add(hex(text(leaf, "leafHash")));
    }

    /** Signatures and roots; returns the newest checkpoint's tree size. */
    private long checkCheckpoints() throws Exception {
        long previous = 0;
        for (Map<String, Object> checkpoint : checkpoints) {
            long id = number(checkpoint, "id");
            long size = number(checkpoint, "treeSize");
            String root = text(checkpoint, "rootHash");
            String createdAt = text(checkpoint, "createdAt");
            String reason = text(checkpoint, "reason");
            if (!keyId(publicKey).equals(checkpoint.get("keyId"))) {
                throw new Mismatch("checkpoint " + id + " names key " + checkpoint.get("keyId") + ", not the export's key");
            }
            byte[] signed = ("tally-checkpoint-v1\n" + size + "\n" + root + "\n" + createdAt + "\n" + reason + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            if (!ed25519Verify(publicKey, signed, hex(text(checkpoint, "signature")))) {
                throw new Mismatch("checkpoint " + id + ": the signature does not match its size, root, time and reason");
            }
            if (size < previous) {
                throw new Mismatch("checkpoint " + id + " has fewer leaves (" + size + ") than the one before (" + previous + ")");
            }
            if (size > leaves.size()) {
                throw new Mismatch("checkpoint " + id + " covers " + size + " leaves; the export has " + leaves.size());
            }
            previous = size;
        }
        // one pass over the leaves gives the root at every checkpoint's size (sizes never shrink)
        Merkle.Growing tree = new Merkle.Growing();
        for (Map<String, Object> checkpoint : checkpoints) {
            long size = number(checkpoint, "treeSize");
            while (tree.size() < size) {
                tree.append(leaves.get((int) tree.size()));
            }
            if (!text(checkpoint, "rootHash").equals(HEX.formatHex(tree.root()))) {
                throw new Mismatch("checkpoint " + number(checkpoint, "id") + ": the root of the first " + size
                        + " exported leaves is not the signed root");
            }
        }
        return previous;
    }

    private void checkEntry(Map<String, Object> entry, long covered) throws Mismatch {
        long id = number(entry, "entryId");
        if (entry.containsKey("unreadable")) {
            throw new Mismatch("entry " + id + " could not be read from the database: " + entry.get("unreadable"));
        }
        Object leafIndex = entry.get("leafIndex");
        if (leafIndex == null) {
            throw new Mismatch("entry " + id + " has no leaf: an entry is sealed within seconds of its commit (export"
                    + " again); one that stays unsealed was not written by Tally, or cannot be encoded (verify names it)");
        }
        long index = ((BigDecimal) leafIndex).longValueExact();
        if (index >= covered) {
            throw new Mismatch("entry " + id + " is leaf " + index + ", not covered by a checkpoint (newest covers "
                    + covered + " leaves): ask for a checkpoint and export again");
        }
        byte[] hash;
        try {
            hash = Merkle.leafHash(Encoding.encode(entry));
        } catch (RuntimeException e) {
            throw new Mismatch("entry " + id + " cannot be encoded: " + e.getMessage());
        }
        if (!Arrays.equals(hash, leaves.get((int) index))) {
            throw new Mismatch("entry " + id + " does not hash to leaf " + index + ": the entry was changed");
        }
    }

    private String proveEntry(Map<String, Object> entry) throws Mismatch {
        long entryId = number(entry, "entryId");
        if (checkpoints.isEmpty()) {
            throw new Mismatch("no checkpoint to prove entry " + entryId + " against");
        }
        Map<String, Object> newest = checkpoints.get(checkpoints.size() - 1);
        long size = number(newest, "treeSize");
        int index = (int) number(entry, "leafIndex");
        byte[] leafHash = Merkle.leafHash(Encoding.encode(entry));
        List<byte[]> path = Merkle.inclusionPath(leaves.subList(0, (int) size), index);
        if (!Merkle.verifyInclusion(index, size, leafHash, path, hex(text(newest, "rootHash")))) {
            throw new Mismatch("the inclusion proof of entry " + entryId + " does not reach checkpoint " + number(newest, "id"));
        }
        return "entry " + entryId + " is leaf " + index + " of checkpoint " + number(newest, "id")
                + " (inclusion proof of " + path.size() + " hashes verified)";
    }

    /** A proof from GET /api/audit/entries/{id}/inclusion; {@code entry} is that entry in the export, or null. */
    private String checkServedProof(Map<String, Object> proof, Map<String, Object> entry) throws Exception {
        long entryId = number(proof, "entryId");
        long index = number(proof, "leafIndex");
        long size = number(proof, "treeSize");
        String root = text(proof, "rootHash");
        boolean signed = checkpoints.stream().anyMatch(c -> number(c, "treeSize") == size && root.equals(c.get("rootHash")));
        if (!signed) {
            throw new Mismatch("the proof's root is not a signed checkpoint in the export");
        }
        byte[] leafHash = hex(text(proof, "leafHash"));
        if (entry != null && !Arrays.equals(leafHash, Merkle.leafHash(Encoding.encode(entry)))) {
            throw new Mismatch("the proof's leaf hash is not the hash of entry " + entryId + " in the export");
        }
        List<byte[]> path = new ArrayList<>();
        for (Object step : (List<?>) proof.get("path")) {
            path.add(hex((String) step));
        }
        if (!Merkle.verifyInclusion(index, size, leafHash, path, hex(root))) {
            throw new Mismatch("the served inclusion proof of entry " + entryId + " does not verify");
        }
        return "served proof of entry " + entryId + " verified";
    }

    // ------------------------------------------------------------------ the sealed logs

    /**
     * The call log and the security log: each a Merkle tree of its own with checkpoints of its own.
     * Rows are checked as their leaves stream by; checkpoints once all leaves are in.
     */
    static final class Logs {
        static final List<String> NAMES = List.of("call_event", "security_event");

        private final Map<String, List<Map<String, Object>>> checkpoints = new LinkedHashMap<>();
        private final Map<String, List<byte[]>> leaves = new LinkedHashMap<>();
        private final Map<String, Long> rows = new LinkedHashMap<>();

        Logs() {
            for (String name : NAMES) {
                checkpoints.put(name, new ArrayList<>());
                leaves.put(name, new ArrayList<>());
                rows.put(name, 0L);
            }
        }

        private static String logOf(Map<String, Object> record) throws Mismatch {
            String log = text(record, "log");
            if (!NAMES.contains(log)) {
                throw new Mismatch("unknown log " + log);
            }
            return log;
        }

        void checkpoint(Map<String, Object> record) throws Mismatch {
            checkpoints.get(logOf(record)).add(record);
        }

        void leaf(Map<String, Object> record) throws Mismatch {
            String log = logOf(record);
            List<byte[]> logLeaves = leaves.get(log);
            long index = number(record, "leafIndex");
            long rowId = number(record, "rowId");
            if (index != logLeaves.size()) {
                throw new Mismatch(log + " leaf " + index + " where leaf " + logLeaves.size() + " was expected");
            }
            byte[] leafHash = hex(text(record, "leafHash"));
            logLeaves.add(leafHash);
            if (!record.containsKey("row")) {
                return; // a row outside the exported dates: its leaf still counts towards the roots
            }
            Object row = record.get("row");
            if (row == null) {
                throw new Mismatch(log + " leaf " + index + " seals row " + rowId + ", which is no longer in the log:"
                        + " the row was deleted");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> columns = (Map<String, Object>) row;
            byte[] hash;
            try {
                if (number(columns, "id") != rowId) {
                    throw new IllegalArgumentException("the row's id is " + columns.get("id"));
                }
                hash = Merkle.leafHash(LogRowEncoding.encode(log, columns));
            } catch (RuntimeException e) {
                throw new Mismatch(log + " row " + rowId + " cannot be encoded: " + e.getMessage());
            }
            if (!Arrays.equals(hash, leafHash)) {
                throw new Mismatch(log + " row " + rowId + " does not hash to its leaf " + index + ": the row was changed");
            }
            rows.merge(log, 1L, Long::sum);
        }

        /** Signatures, sizes that never shrink and the root of each log's leaves at every checkpoint's size. */
        void checkCheckpoints(byte[] publicKey) throws Exception {
            for (String log : NAMES) {
                List<byte[]> logLeaves = leaves.get(log);
                Merkle.Growing tree = new Merkle.Growing();
                long previous = 0;
                for (Map<String, Object> checkpoint : checkpoints.get(log)) {
                    long id = number(checkpoint, "id");
                    long size = number(checkpoint, "treeSize");
                    String root = text(checkpoint, "rootHash");
                    String name = log + " checkpoint " + id;
                    if (!keyId(publicKey).equals(checkpoint.get("keyId"))) {
                        throw new Mismatch(name + " names key " + checkpoint.get("keyId") + ", not the export's key");
                    }
                    byte[] signed = ("tally-log-checkpoint-v1\n" + log + "\n" + size + "\n" + root + "\n"
                            + text(checkpoint, "createdAt") + "\n" + text(checkpoint, "reason") + "\n")
                            .getBytes(StandardCharsets.UTF_8);
                    if (!ed25519Verify(publicKey, signed, hex(text(checkpoint, "signature")))) {
                        throw new Mismatch(name + ": the signature does not match its log, size, root, time and reason");
                    }
                    if (size < previous) {
                        throw new Mismatch(name + " has fewer leaves (" + size + ") than the one before (" + previous + ")");
                    }
                    if (size > logLeaves.size()) {
                        throw new Mismatch(name + " covers " + size + " leaves; the export has " + logLeaves.size());
                    }
                    while (tree.size() < size) {
                        tree.append(logLeaves.get((int) tree.size()));
                    }
                    if (!root.equals(HEX.formatHex(tree.root()))) {
                        throw new Mismatch(name + ": the root of the first " + size + " exported " + log
                                + " leaves is not the signed root");
                    }
                    previous = size;
                }
                if (previous < logLeaves.size()) {
                    throw new Mismatch(log + " leaf " + previous + " is not covered by a signed " + log + " checkpoint");
                }
            }
        }

        String summary() {
            StringBuilder out = new StringBuilder();
            for (String log : NAMES) {
                out.append("; ").append(log).append(": ").append(leaves.get(log).size()).append(" leaves, ")
                        .append(rows.get(log)).append(" rows, ").append(checkpoints.get(log).size()).append(" checkpoints");
            }
            return out.toString();
        }
    }

    /** Tally's LogEncoding, format version 1: a call_event or security_event row from the export's field names. */
    static final class LogRowEncoding {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

        static byte[] encode(String log, Map<String, Object> row) {
            LogRowEncoding e = new LogRowEncoding();
            e.out.write(0x01);
            e.str(log);
            e.i64(number(row, "id"));
            if (log.equals("call_event")) {
                e.str(text(row, "callId"));
                e.instant(text(row, "occurredAt"));
                e.str(text(row, "staff"));
                e.str(text(row, "eventType"));
                e.optStr(row, "memberNumber");
                e.optStr(row, "factor");
                e.optStr(row, "outcome");
                e.optStr(row, "detail");
            } else {
                e.instant(text(row, "occurredAt"));
                e.str(text(row, "eventType"));
                e.optStr(row, "actor");
                e.optStr(row, "subject");
                e.optStr(row, "detail");
                e.optStr(row, "remoteAddr");
            }
            return e.out.toByteArray();
        }

        private void instant(String iso) {
            i64(ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(iso)));
        }

        private void i64(long value) {
            out.writeBytes(ByteBuffer.allocate(8).putLong(value).array());
        }

        private void str(String value) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            out.writeBytes(bytes);
        }

        private void optStr(Map<String, Object> row, String name) {
            if (!row.containsKey(name)) {
                throw new IllegalArgumentException(name + " is missing");
            }
            Object value = row.get(name);
            if (value == null) {
                out.write(0);
            } else {
                out.write(1);
                str((String) value);
            }
        }
    }

    // ------------------------------------------------------------------ crypto

    static String keyId(byte[] publicKey) {
        return HEX.formatHex(Arrays.copyOf(sha256(publicKey), 8));
    }

    static boolean ed25519Verify(byte[] rawPublicKey, byte[] message, byte[] signature) throws Exception {
        // SubjectPublicKeyInfo of an Ed25519 key (RFC 8410): this fixed prefix, then the 32 key bytes
        byte[] spki = new byte[44];
        System.arraycopy(HEX.parseHex("302a300506032b6570032100"), 0, spki, 0, 12);
        if (rawPublicKey.length != 32) {
            return false;
        }
        System.arraycopy(rawPublicKey, 0, spki, 12, 32);
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(message);
        try {
            return verifier.verify(signature);
        } catch (java.security.SignatureException malformed) {
            return false;
        }
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 9162 section 2.1: MTH, PATH and the inclusion verification algorithm. */
    static final class Merkle {

        /** MTH of a growing list of leaves: the perfect subtrees so far, largest first, merged as a binary counter carries. */
        static final class Growing {
            private final List<byte[]> hashes = new ArrayList<>();
            private final List<Long> sizes = new ArrayList<>();
            private long size;

            void append(byte[] leafHash) {
                byte[] hash = leafHash;
                long subtree = 1;
                while (!sizes.isEmpty() && sizes.get(sizes.size() - 1) == subtree) {
                    hash = node(hashes.remove(hashes.size() - 1), hash);
                    sizes.remove(sizes.size() - 1);
                    subtree *= 2;
                }
                hashes.add(hash);
                sizes.add(subtree);
                size++;
            }

            long size() {
                return size;
            }

            byte[] root() {
                if (hashes.isEmpty()) {
                    return sha256();
                }
                byte[] root = hashes.get(hashes.size() - 1);
                for (int i = hashes.size() - 2; i >= 0; i--) {
                    root = node(hashes.get(i), root);
                }
                return root;
            }
        }

        static byte[] leafHash(byte[] data) {
            return sha256(new byte[]{0}, data);
        }

        static byte[] node(byte[] left, byte[] right) {
            return sha256(new byte[]{1}, left, right);
        }

        static byte[] root(List<byte[]> leafHashes) {
            int n = leafHashes.size();
            if (n == 0) {
                return sha256();
            }
            if (n == 1) {
                return leafHashes.get(0);
            }
            int k = Integer.highestOneBit(n - 1);
            return node(root(leafHashes.subList(0, k)), root(leafHashes.subList(k, n)));
        }

        static List<byte[]> inclusionPath(List<byte[]> leafHashes, int m) {
            int n = leafHashes.size();
            List<byte[]> path = new ArrayList<>();
            if (n <= 1) {
                return path;
            }
            int k = Integer.highestOneBit(n - 1);
            if (m < k) {
                path.addAll(inclusionPath(leafHashes.subList(0, k), m));
                path.add(root(leafHashes.subList(k, n)));
            } else {
                path.addAll(inclusionPath(leafHashes.subList(k, n), m - k));
                path.add(root(leafHashes.subList(0, k)));
            }
            return path;
        }

        static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
            if (index < 0 || index >= size) {
                return false;
            }
            long fn = index;
            long sn = size - 1;
            byte[] r = leafHash;
            for (byte[] p : path) {
                if (sn == 0) {
                    return false;
                }
                if ((fn & 1) == 1 || fn == sn) {
                    r = node(p, r);
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                } else {
                    r = node(r, p);
                }
                fn >>= 1;
                sn >>= 1;
            }
            return sn == 0 && Arrays.equals(r, root);
        }
    }

    // ------------------------------------------------------------------ the canonical encoding

    /** Tally's EntryEncoding, format version 1 (version 2 when an approver is named), from the export's field names. */
    static final class Encoding {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

        static byte[] encode(Map<String, Object> entry) {
            Encoding e = new Encoding();
            Object approvedBy = entry.get("approvedBy");
            e.out.write(approvedBy == null ? 0x01 : 0x02);
            e.i64(number(entry, "entryId"));
            e.str(text(entry, "entryType"));
            e.str(text(entry, "businessDate"));
            Instant postedAt = Instant.parse(text(entry, "postedAt"));
            e.i64(ChronoUnit.MICROS.between(Instant.EPOCH, postedAt));
            e.str(text(entry, "postedBy"));
            e.optStr(entry, "sessionId");
            e.optI64(entry, "approvalId");
            if (approvedBy != null) {
                e.str(text(entry, "approvedBy"));
            }
            e.optStr(entry, "idempotencyKey");
            e.optStr(entry, "memo");
            e.optI64(entry, "reversesEntryId");
            e.optStr(entry, "reasonCode");
            List<?> lines = (List<?>) entry.get("lines");
            List<Map<String, Object>> sorted = new ArrayList<>();
            for (Object line : lines) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) line;
                sorted.add(map);
            }
            sorted.sort((a, b) -> Long.compare(number(a, "lineNo"), number(b, "lineNo")));
            e.i32(sorted.size());
            for (Map<String, Object> line : sorted) {
                e.i32((int) number(line, "lineNo"));
                e.out.write(ascii(text(line, "kind"), "M", "G"));
                e.str(text(line, "account"));
                e.out.write(ascii(text(line, "side"), "D", "C"));
                e.i64(new BigDecimal(text(line, "amount")).setScale(2).movePointRight(2).longValueExact());
            }
            return e.out.toByteArray();
        }

        private static int ascii(String value, String one, String other) {
            if (!value.equals(one) && !value.equals(other)) {
                throw new IllegalArgumentException("expected " + one + " or " + other + ", not " + value);
            }
            return value.charAt(0);
        }

        void i32(int value) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(value).array());
        }

        void i64(long value) {
            out.writeBytes(ByteBuffer.allocate(8).putLong(value).array());
        }

        void str(String value) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            i32(bytes.length);
            out.writeBytes(bytes);
        }

        void optStr(Map<String, Object> entry, String name) {
            Object value = entry.get(name);
            if (value == null) {
                out.write(0);
            } else {
                out.write(1);
                str((String) value);
            }
        }

        void optI64(Map<String, Object> entry, String name) {
            Object value = entry.get(name);
            if (value == null) {
                out.write(0);
            } else {
                out.write(1);
                i64(((BigDecimal) value).longValueExact());
            }
        }
    }

    // ------------------------------------------------------------------ JSON

    static String text(Map<String, Object> record, String name) {
        Object value = record.get(name);
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException(name + " is missing or not a string");
        }
        return s;
    }

    static long number(Map<String, Object> record, String name) {
        Object value = record.get(name);
        if (!(value instanceof BigDecimal n)) {
            throw new IllegalArgumentException(name + " is missing or not a number");
        }
        return n.longValueExact();
    }

    static byte[] hex(String text) {
        return HEX.parseHex(text);
    }

    /** A strict, small JSON parser: objects, arrays, strings, numbers (as BigDecimal), true, false, null. */
    static final class Json {
        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> object(String text) {
            Json json = new Json(text);
            Object value = json.value();
            json.space();
            if (json.at != text.length()) {
                throw json.error("trailing content");
            }
            if (!(value instanceof Map)) {
                throw json.error("not an object");
            }
            return (Map<String, Object>) value;
        }

        private Object value() {
            space();
            if (at >= text.length()) {
                throw error("unexpected end");
            }
            char c = text.charAt(at);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            at++;
            space();
            if (peek() == '}') {
                at++;
                return map;
            }
            while (true) {
                space();
                if (peek() != '"') {
                    throw error("expected a name");
                }
                String name = string();
                space();
                expect(':');
                if (map.containsKey(name)) {
                    throw error("duplicate name " + name);
                }
                map.put(name, value());
                space();
                if (peek() == ',') {
                    at++;
                } else {
                    expect('}');
                    return map;
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            at++;
            space();
            if (peek() == ']') {
                at++;
                return list;
            }
            while (true) {
                list.add(value());
                space();
                if (peek() == ',') {
                    at++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        private String string() {
            at++;
            StringBuilder out = new StringBuilder();
            while (true) {
                if (at >= text.length()) {
                    throw error("unterminated string");
                }
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw error("control character in string");
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escape = text.charAt(at++);
                switch (escape) {
                    case '"', '\\', '/' -> out.append(escape);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> throw error("bad escape \\" + escape);
                }
            }
        }

        private BigDecimal number() {
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            if (start == at) {
                throw error("unexpected character '" + text.charAt(at) + "'");
            }
            return new BigDecimal(text.substring(start, at));
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, at)) {
                throw error("unexpected text");
            }
            at += word.length();
            return value;
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            at++;
        }

        private char peek() {
            if (at >= text.length()) {
                throw error("unexpected end");
            }
            return text.charAt(at);
        }

        private void space() {
            while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
        }

        private IllegalArgumentException error(String message) {
            return new IllegalArgumentException(message + " at character " + at);
        }
    }
}
