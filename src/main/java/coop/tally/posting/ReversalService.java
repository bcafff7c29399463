package coop.tally.posting;

import coop.tally.drawer.Drawer;
import coop.tally.drawer.DrawerService;
import coop.tally.web.JsonBuilders;
import coop.tally.ledger.BusinessDates;
import coop.tally.ledger.EntryDraft;
import coop.tally.ledger.EntryHeader;
import coop.tally.ledger.EntryType;
import coop.tally.ledger.Holds;
import coop.tally.ledger.Journal;
import coop.tally.ledger.JournalEntry;
import coop.tally.member.MemberAccount;
import coop.tally.member.MemberAccounts;
import coop.tally.platform.TallyClock;
import coop.tally.posting.rule.AccountStatusRule;
import coop.tally.posting.rule.PostingRules;
import coop.tally.posting.rule.StaffOwnAccountRule;
import coop.tally.posting.rule.SufficientFundsRule;
import coop.tally.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reverses a journal entry: posts its exact contra entry, linked to it, once. Holds the original
 * placed are released and a reversed loan payment puts the loan back as it was.
 */
@ApplicationScoped
public class ReversalService {

    /** A reversal may not take money the member no longer has, nor touch a closed account or the staff's own. */
    private final PostingRules rules = new PostingRules(List.of(
            new StaffOwnAccountRule(), new AccountStatusRule(), new SufficientFundsRule()));

    /**
     * Postings only. Vault moves and a drawer's over/short are settled by counting, not reversed:
     * reversing them would adjust a drawer by hand.
     */
    private static final Set<EntryType> REVERSIBLE = java.util.EnumSet.of(EntryType.DEPOSIT, EntryType.WITHDRAWAL,
            EntryType.TRANSFER, EntryType.LOAN_PAYMENT, EntryType.OFFICIAL_CHECK);

    @Inject
    Journal journal;

    @Inject
    DrawerService drawers;

    @Inject
    MemberAccounts memberAccounts;

    @Inject
    Holds holds;

    @Inject
    LoanServicing loans;

    @Inject
    BusinessDates businessDates;

    @Inject
    TallyClock clock;

    @Inject
    PostingResults results;

    @Transactional
    public JsonObject reverse(PostingService.Actor actor, long entryId, ReversalReason reason, String memo) {
        JournalEntry original = journal.find(entryId)
                .orElseThrow(() -> ApiProblem.notFound("TRANSACTION_NOT_FOUND", "No journal entry with that id."));
        if (!REVERSIBLE.contains(original.type())) {
            throw PostingRefused.refused("NOT_REVERSIBLE", "A " + original.type() + " entry cannot be reversed.",
                    Map.of("type", original.type().name()));
        }
        if (journal.reversalOf(entryId).isPresent()) {
            throw new ApiProblem(409, "ALREADY_REVERSED", "This entry has already been reversed.");
        }
        EntryDraft contra = EntryDraft.reversalOf(original.lineDrafts());
        Map<String, MemberAccount> accounts = memberAccounts.lockForPosting(PostingService.memberLines(contra).stream()
                .map(line -> line.account().id()).toList());
        LocalDate businessDate = businessDates.current();
        holds.releaseDue(accounts.values(), businessDate);
        holds.releaseForReversal(entryId, accounts);
        rules.enforce(PostingFactsBuilder.facts(contra, null, actor, accounts, Set.of()));
        // a cash entry is reversed through the drawer it went through: while that drawer is open
        // its expected cash moves back; once it is counted or closed the reversal is refused
        Optional<Drawer> drawer = drawers.lockForReversal(original.lineDrafts());
        drawer.ifPresent(open -> drawers.admitReversal(open, DrawerService.cashDelta(contra.lines(), open.glCode())));
        if (original.type() == EntryType.LOAN_PAYMENT) {
            original.lineDrafts().stream()
                    .filter(line -> line.account().isMember())
                    .map(line -> accounts.get(line.account().id()))
                    .filter(account -> account.type() == coop.tally.member.AccountType.LOAN)
                    .findFirst()
                    .ifPresent(loan -> loans.reversePayment(original, loan));
        }
        JournalEntry reversal = journal.append(new EntryHeader(EntryType.REVERSAL, businessDate, clock.now(),
                actor.username(), original.sessionId(), null, null, memo, original.id(), reason.name()), contra, accounts);
        drawer.ifPresent(open -> drawers.posted(open, reversal, actor.username(), null));
        var json = JsonBuilders.JSON.createObjectBuilder(results.posted(reversal, accounts.values(), List.of(), null));
        if (reason == ReversalReason.POSTING_ERROR) {
            json.add("postingErrorAttributedTo", original.postedBy());
        }
        return json.build();
    }
}
