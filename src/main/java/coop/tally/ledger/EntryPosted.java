package coop.tally.ledger;

import coop.tally.member.MemberAccount;

import java.util.Map;

/**
 * Published once for every journal entry, synchronously inside the transaction that appends it:
 * postings, reversals, drawer and vault moves, over/short. Records kept alongside the journal
 * (the Bank Secrecy Act's) observe it; an observer that fails rolls the entry back with it.
 *
 * @param entry    the entry appended
 * @param accounts the member accounts it touched, locked, by account number
 * @param context  who was served, and what the lines do not say
 */
public record EntryPosted(JournalEntry entry, Map<String, MemberAccount> accounts, EntryContext context) {
}
