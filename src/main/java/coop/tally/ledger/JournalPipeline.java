package coop.tally.ledger;

import coop.tally.member.DemoAccountsSeeded;
import coop.tally.member.MemberAccount;
import coop.tally.member.MemberAccounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;

/**
 * The one way into the journal. Every writer (postings, reversals, drawer and vault moves,
 * over/short) goes through the same two steps inside its transaction:
 * <ol>
 *   <li>{@link #lockMemberAccounts}: the member accounts the entry touches, always in
 *       account-number order. Writers lock their drawer and then the vault only after this, so two
 *       writers never wait on each other in a circle.</li>
 *   <li>{@link #post}: appends the balanced entry (refusing a member line whose account was not
 *       locked), applies it to the balances, binds it to this Tally with a row MAC, and publishes
 *       one {@link EntryPosted} that every observer receives.</li>
 * </ol>
 * Between the two the writer runs its gates (the call gate, the rules, the drawer's admission):
 * they read balances that cannot change until the entry is written.
 * <p>
 * Opening balances of converted accounts take the batch path ({@link #postOpeningBalances}): a
 * conversion writes 100,000 entries at start-up, before anything else posts, a thousand to a
 * commit. It publishes no {@link EntryPosted}: no member was served and no cash crossed a counter,
 * so there is nothing for an observer to record.
 */
@ApplicationScoped
public class JournalPipeline {

    @Inject
    MemberAccounts memberAccounts;

    @Inject
    Journal journal;

    @Inject
    OpeningBalanceBatches openingBalances;

    @Inject
    Event<EntryPosted> posted;

    /** Locks the member accounts with these numbers, in number order; numbers without an account are left out of the answer. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, MemberAccount> lockMemberAccounts(Collection<String> accountNumbers) {
        return memberAccounts.lockForPosting(accountNumbers);
    }

    /** Appends the entry and publishes it. {@code locked} holds every member account a line names. */
    @Transactional(Transactional.TxType.MANDATORY)
    public JournalEntry post(EntryHeader header, EntryDraft draft, Map<String, MemberAccount> locked, EntryContext context) {
        JournalEntry entry = journal.append(header, draft, locked);
        posted.fire(new EntryPosted(entry, Map.copyOf(locked), context));
        return entry;
    }

    /** The opening balances of accounts the demo conversion loaded: one OPENING_BALANCE entry per member. */
    void postOpeningBalances(@Observes DemoAccountsSeeded seeded) throws SQLException, InterruptedException {
        openingBalances.write(seeded.accounts());
    }
}
