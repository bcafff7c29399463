package coop.tally.ledger;

import java.util.Objects;

/**
 * The account a journal line debits or credits: either a member account, named by its account
 * number (e.g. {@code "100001-S00"}), or a general-ledger account, named by its chart code (e.g.
 * {@code "1010-rep1"}, see {@link GlAccounts}). The id is kept exactly as given (it is part of the
 * canonical bytes that are hashed), so it must not be blank or carry surrounding whitespace.
 */
public record AccountRef(Kind kind, String id) {

    public enum Kind {
        MEMBER,
        GL
    }

    public AccountRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if (id.isBlank() || !id.strip().equals(id)) {
            throw new IllegalArgumentException("An account id must be non-blank without surrounding spaces: '" + id + "'");
        }
    }

    public static AccountRef member(String accountNumber) {
        return new AccountRef(Kind.MEMBER, accountNumber);
    }

    public static AccountRef gl(String code) {
        return new AccountRef(Kind.GL, code);
    }

    public boolean isMember() {
        return kind == Kind.MEMBER;
    }

    @Override
    public String toString() {
        return kind + ":" + id;
    }
}
