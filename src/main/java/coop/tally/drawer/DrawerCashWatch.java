package coop.tally.drawer;

import coop.tally.ledger.EntryPosted;
import coop.tally.ledger.JournalEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Every entry that touches a drawer's cash account moves that drawer by the same amount, with the
 * movement recorded, in the entry's own transaction: whoever wrote the entry (a posting, a
 * reversal, a vault move, the over/short), the drawer's expected cash stays equal to its account's
 * balance. The writer must have admitted the cash through the drawer first; an entry that moves a
 * drawer's cash without that is a defect, and rolls back. An entry may move several drawers (a
 * teller transfer moves two): each is moved by its own admission.
 */
@ApplicationScoped
public class DrawerCashWatch {

    @Inject
    AdmittedCash admitted;

    @Inject
    DrawerMoves moves;

    void posted(@Observes EntryPosted event) {
        JournalEntry entry = event.entry();
        entry.lineDrafts().stream()
                .filter(Drawer::movesDrawerCash)
                .map(line -> line.account().id())
                .distinct()
                .forEach(glCode -> {
                    AdmittedCash.Admission admission = admitted.take(glCode).orElseThrow(() -> new IllegalStateException(
                            "Entry " + entry.id() + " moves the cash of " + glCode + " without its drawer's admission"));
                    moves.record(admission.drawer(), entry, admission.kind(),
                            DrawerService.cashDelta(entry.lineDrafts(), glCode), entry.postedBy(), admission.denominations());
                });
    }
}
