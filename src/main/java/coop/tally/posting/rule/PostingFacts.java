package coop.tally.posting.rule;

import coop.tally.ledger.EntryType;

import java.util.List;
import java.util.Objects;

/**
 * A plain, immutable description of a proposed posting: everything the {@link PostingRule}s look at,
 * gathered by the service (inside its transaction, with the accounts locked) before any line is
 * written.
 *
 * @param type              the entry type being posted
 * @param tender            how the money arrives or leaves; null where the type has none (transfer)
 * @param staffUsername     the acting staff member
 * @param staffMemberNumber the member number of the acting staff member when they are themselves a
 *                          member of the credit union, else null
 * @param accounts          every member account the posting touches (GL accounts are not listed)
 */
public record PostingFacts(EntryType type, Tender tender, String staffUsername, String staffMemberNumber,
                           List<AccountFacts> accounts) {

    public PostingFacts {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(staffUsername, "staffUsername");
        accounts = List.copyOf(accounts);
    }

    /** The accounts on one end of the posting. */
    public List<AccountFacts> accountsIn(AccountFacts.Role role) {
        return accounts.stream().filter(account -> account.role() == role).toList();
    }
}
