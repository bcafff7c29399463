package coop.tally.posting;

import coop.tally.ledger.JournalEntry;
import coop.tally.member.MemberAccount;
import coop.tally.posting.plan.PostingRequest;

import java.util.Map;

/**
 * Fired (synchronously, inside the posting's transaction) after a posting is written, for records
 * kept alongside the journal such as the Bank Secrecy Act's: an observer that fails rolls the
 * posting back with it.
 *
 * @param entry    the journal entry written
 * @param request  the request it was posted from
 * @param accounts the member accounts it touched, locked, by account number
 * @param memberNumber the member served: the one verified on the posting's call
 */
public record PostingPosted(JournalEntry entry, PostingRequest request, Map<String, MemberAccount> accounts,
                            String memberNumber) {
}
