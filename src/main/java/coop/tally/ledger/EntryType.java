package coop.tally.ledger;

/**
 * What a journal entry records. The name (not the ordinal) is part of the canonical encoding, so
 * constants may be added or reordered but never renamed.
 */
public enum EntryType {
    DEPOSIT,
    WITHDRAWAL,
    TRANSFER,
    LOAN_PAYMENT,
    OFFICIAL_CHECK,
    REVERSAL,
    /** Data conversion: a balance carried over from the previous core system. */
    OPENING_BALANCE,
    /** A drawer buys cash from the vault. */
    VAULT_BUY,
    /** A drawer sells cash to the vault. */
    VAULT_SELL,
    /** The difference found when a drawer is counted at close. */
    CASH_OVER_SHORT,
    /** Cash handed from one drawer to another, posted when the receiving rep accepts their count. */
    TELLER_TRANSFER,
    /** What a certificate closed before its maturity forfeits, by the terms it was opened with. */
    EARLY_WITHDRAWAL_PENALTY
}
