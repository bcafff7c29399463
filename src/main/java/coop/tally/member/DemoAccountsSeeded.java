package coop.tally.member;

import java.util.List;

/**
 * Fired synchronously once the demo members and their accounts are in the database (committed),
 * so that the ledger can post their opening balances. Not fired when the demo data existed already.
 */
public record DemoAccountsSeeded(List<SeededAccount> accounts) {

    public DemoAccountsSeeded {
        accounts = List.copyOf(accounts);
    }
}
