package coop.tally.posting;

import coop.tally.web.JsonBuilders;
import coop.tally.ledger.AccountHold;
import coop.tally.ledger.EntryView;
import coop.tally.ledger.JournalEntry;
import coop.tally.ledger.Viewer;
import coop.tally.member.MemberAccount;
import coop.tally.posting.loan.Allocation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The JSON shapes of journal entries and posting results, as one {@link Viewer} may see them: a
 * rep serving a member sees that member's lines and balances, with other members' lines masked
 * ({@link EntryView}: the entry then says {@code "masked": true}) and their balances left out.
 * Amounts are decimal strings.
 */
@ApplicationScoped
public class PostingResults {

    public JsonObject posted(JournalEntry entry, Collection<MemberAccount> accounts, List<AccountHold> holds,
                             Allocation allocation, Viewer viewer) {
        JsonObjectBuilder json = JsonBuilders.JSON.createObjectBuilder()
                .add("entry", entry(entry, viewer))
                .add("balances", balances(accounts, viewer));
        if (!holds.isEmpty()) {
            JsonArrayBuilder array = JsonBuilders.JSON.createArrayBuilder();
            holds.forEach(hold -> array.add(hold(hold)));
            json.add("holds", array);
        }
        if (allocation != null) {
            json.add("loanAllocation", JsonBuilders.JSON.createObjectBuilder()
                    .add("interest", allocation.interest().toPlainString())
                    .add("principal", allocation.principal().toPlainString())
                    .add("lateFees", allocation.lateFees().toPlainString())
                    .add("interestPaidTo", allocation.newInterestPaidTo().toString()));
        }
        return json.build();
    }

    /** The whole entry: for auditors (and supervisors), who see every member. */
    public JsonObjectBuilder entry(JournalEntry entry) {
        return entry(entry, Viewer.wholeEntries());
    }

    public JsonObjectBuilder entry(JournalEntry entry, Viewer viewer) {
        JsonObjectBuilder json = JsonBuilders.JSON.createObjectBuilder()
                .add("id", entry.id())
                .add("type", entry.type().name())
                .add("businessDate", entry.businessDate().toString())
                .add("postedAt", entry.postedAt().toString())
                .add("postedBy", entry.postedBy());
        addIfPresent(json, "sessionId", entry.sessionId());
        if (entry.approvalId() != null) {
            json.add("approvalId", entry.approvalId());
        }
        addIfPresent(json, "approvedBy", entry.approvedBy());
        addIfPresent(json, "memo", entry.memo());
        if (entry.reversesEntryId() != null) {
            json.add("reverses", entry.reversesEntryId());
        }
        addIfPresent(json, "reasonCode", entry.reasonCode());
        List<EntryView.VisibleLine> visible = EntryView.linesOf(entry, viewer);
        JsonArrayBuilder lines = JsonBuilders.JSON.createArrayBuilder();
        for (EntryView.VisibleLine line : visible) {
            JsonObjectBuilder item = JsonBuilders.JSON.createObjectBuilder()
                    .add("line", line.lineNumber())
                    .add("account", line.account().id())
                    .add("accountKind", line.account().kind().name())
                    .add("side", line.side().name())
                    .add("amount", line.amount().toPlainString());
            if (line.masked()) {
                item.add("masked", true);
            }
            lines.add(item);
        }
        if (EntryView.isMasked(visible)) {
            json.add("masked", true);
        }
        return json.add("lines", lines);
    }

    /** The balances of the accounts the viewer may see, by account number. */
    public JsonArrayBuilder balances(Collection<MemberAccount> accounts, Viewer viewer) {
        JsonArrayBuilder array = JsonBuilders.JSON.createArrayBuilder();
        accounts.stream().filter(account -> viewer.seesMemberAccount(account.accountNumber()))
                .sorted(Comparator.comparing(MemberAccount::accountNumber)).forEach(account -> array.add(
                JsonBuilders.JSON.createObjectBuilder()
                        .add("account", account.accountNumber())
                        .add("ledgerBalance", account.ledgerBalance().toPlainString())
                        .add("availableBalance", account.availableBalance().toPlainString())));
        return array;
    }

    public JsonObjectBuilder hold(AccountHold hold) {
        return JsonBuilders.JSON.createObjectBuilder()
                .add("amount", hold.amount().toPlainString())
                .add("placedOn", hold.placedOn().toString())
                .add("releaseOn", hold.releaseOn().toString());
    }

    private static void addIfPresent(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }
}
