package coop.tally.drawer;

import coop.tally.money.Money;

import java.util.List;

/**
 * What went through a drawer during its day, by kind: members' cash (postings and their
 * reversals), the vault (buys and sells), and other reps' drawers (teller transfers). The opening
 * issue, the over/short and the closing return are figures of their own and are not summed here.
 */
record CashFlows(Money cashIn, Money cashOut, Money vaultIn, Money vaultOut, Money handedIn, Money handedOut) {

    static CashFlows of(List<DrawerMovement> movements) {
        Money[] sums = {Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO};
        for (DrawerMovement movement : movements) {
            int slot = switch (movement.kind()) {
                case CASH_POSTING, REVERSAL -> movement.in() ? 0 : 1;
                case VAULT_BUY -> 2;
                case VAULT_SELL -> 3;
                case TELLER_TRANSFER -> movement.in() ? 4 : 5;
                case OPENING_ISSUE, OVER_SHORT, CLOSING_RETURN -> -1;
            };
            if (slot >= 0) {
                sums[slot] = sums[slot].plus(movement.amount());
            }
        }
        return new CashFlows(sums[0], sums[1], sums[2], sums[3], sums[4], sums[5]);
    }
}
