package coop.tally.posting;

import coop.tally.approval.AccountVisibility;
import coop.tally.caller.CallGate;
import coop.tally.ledger.Viewer;
import coop.tally.member.MemberAccount;
import coop.tally.member.MemberAccounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.function.Supplier;

/**
 * Builds the {@link Viewer} an answer is rendered for. Every answer that shows journal lines or
 * balances to staff goes through one of these, so that what a rep sees of other members is
 * decided in one place ({@link coop.tally.ledger.EntryView}).
 */
@ApplicationScoped
public class Viewers implements AccountVisibility {

    @Inject
    MemberAccounts accounts;

    @Inject
    CallGate callGate;

    /**
     * Staff who see every member (supervisors, auditors) see whole entries; anyone else sees the
     * accounts of {@code memberNumber} (the member verified in their session), or none when null.
     */
    public Viewer of(boolean seesEveryMember, String memberNumber) {
        return viewer(seesEveryMember, memberNumber, () -> accounts.numbersOf(memberNumber));
    }

    /**
     * As {@link #of}, for a posting: its answer shows only the accounts it names, all of them locked
     * and read already, so the member's own among them are all a rep needs to be shown (no query).
     */
    public Viewer ofPosting(boolean seesEveryMember, String memberNumber, Collection<MemberAccount> named) {
        return viewer(seesEveryMember, memberNumber, () -> named.stream()
                .filter(account -> account.member().memberNumber().equals(memberNumber))
                .map(MemberAccount::accountNumber).toList());
    }

    /** Whole entries, no member, or the member with the accounts {@code memberAccounts} gives (asked only then). */
    private static Viewer viewer(boolean seesEveryMember, String memberNumber, Supplier<Collection<String>> memberAccounts) {
        if (seesEveryMember) {
            return Viewer.wholeEntries();
        }
        return memberNumber == null ? Viewer.noMember() : Viewer.servingMember(memberNumber, memberAccounts.get());
    }

    @Override
    public Shown shownTo(boolean seesEveryMember, String memberNumber) {
        return of(seesEveryMember, memberNumber)::seesMemberAccount;
    }

    /** As {@link #of}, for the member of the session (call or visit) an entry was posted in. */
    public Viewer ofSession(boolean seesEveryMember, String sessionId) {
        if (seesEveryMember) {
            return Viewer.wholeEntries();
        }
        return of(false, callGate.memberOf(sessionId).orElse(null));
    }
}
