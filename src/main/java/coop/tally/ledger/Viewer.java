package coop.tally.ledger;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is shown ledger data, and so how much of an entry they see. Supervisors and auditors see
 * every member's details without a call, so they see whole entries. A rep sees a member's details
 * only inside a call verified as that member: their view is of that one member's accounts (and the
 * GL accounts, which belong to no member); any other member's account is masked
 * ({@link EntryView}). A rep with no member in view sees the GL lines only.
 */
public final class Viewer {

    private static final Viewer WHOLE = new Viewer(null, null);

    /** The member in view; null for whole entries and for no member. */
    private final String memberNumber;
    /** The account numbers the viewer may see; null: every account. */
    private final Set<String> visibleAccounts;

    private Viewer(String memberNumber, Set<String> visibleAccounts) {
        this.memberNumber = memberNumber;
        this.visibleAccounts = visibleAccounts;
    }

    /** Staff who see every member: supervisors and auditors. */
    public static Viewer wholeEntries() {
        return WHOLE;
    }

    /** A rep serving the member {@code memberNumber}, who owns {@code accountNumbers}. */
    public static Viewer servingMember(String memberNumber, Collection<String> accountNumbers) {
        return new Viewer(Objects.requireNonNull(memberNumber, "memberNumber"), Set.copyOf(accountNumbers));
    }

    /** A rep with no member in view (an entry of no member's call): GL lines only. */
    public static Viewer noMember() {
        return new Viewer(null, Set.of());
    }

    public boolean seesWholeEntries() {
        return visibleAccounts == null;
    }

    /** GL accounts always; member accounts when whole entries are seen or the account is the member's own. */
    public boolean sees(AccountRef account) {
        return !account.isMember() || visibleAccounts == null || visibleAccounts.contains(account.id());
    }

    public boolean seesMemberAccount(String accountNumber) {
        return sees(AccountRef.member(accountNumber));
    }

    public Optional<String> memberNumber() {
        return Optional.ofNullable(memberNumber);
    }

    @Override
    public String toString() {
        return seesWholeEntries() ? "whole entries" : memberNumber == null ? "no member" : "member " + memberNumber;
    }
}
