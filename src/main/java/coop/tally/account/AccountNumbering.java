package coop.tally.account;

import coop.tally.member.AccountType;
import coop.tally.platform.Refusal;

import java.util.Collection;
import java.util.Map;

/**
 * The number of a new account: the member number, a dash and a suffix by type, as the converted
 * accounts are numbered (S00 the first share, S10 the first share draft): shares S00 to S09, share
 * drafts S10 to S19, certificates C00 to C99; the lowest free one.
 */
public final class AccountNumbering {

    private AccountNumbering() {
    }

    public static String next(String memberNumber, AccountType type, Collection<String> taken) {
        String prefix = memberNumber + "-" + switch (type) {
            case SHARE -> "S0";
            case SHARE_DRAFT -> "S1";
            case CERTIFICATE -> "C";
            case LOAN -> throw Refusal.invalid("TYPE_NOT_OPENED_HERE", "Loans are opened by lending, not at the desk.",
                    Map.of("field", "type"));
        };
        int slots = type == AccountType.CERTIFICATE ? 100 : 10;
        for (int slot = 0; slot < slots; slot++) {
            String candidate = prefix + (type == AccountType.CERTIFICATE ? String.format("%02d", slot) : String.valueOf(slot));
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
        throw new Refusal(Refusal.Kind.RULES, "ACCOUNT_LIMIT_REACHED", "The member holds as many accounts of this type as can be numbered.",
                Map.of("field", "type"));
    }
}
