package coop.tally.audit;

import coop.tally.ledger.EntryView;
import coop.tally.ledger.JournalEntry;
import coop.tally.ledger.Viewer;
import coop.tally.web.Csv;

import java.util.Arrays;
import java.util.List;

/**
 * The auditor's trail search as a spreadsheet: one row per journal line, each row carrying its
 * entry's header, so that a filter or a pivot on any column keeps whole facts together. Times are
 * instants in UTC (ISO-8601), as the journal stores them.
 */
final class TrailCsv {

    /** More than this and the auditor narrows the search: the file is built in memory. */
    static final int MAX_ENTRIES = 10_000;

    static final List<String> HEADER = List.of("entry_id", "business_date", "posted_at_utc", "type", "posted_by",
            "approved_by", "call_or_visit", "memo", "reverses_entry", "reason_code", "line", "side", "account", "amount");

    private TrailCsv() {
    }

    static String of(List<JournalEntry> entries) {
        StringBuilder csv = new StringBuilder(Csv.line(HEADER));
        for (JournalEntry entry : entries) {
            for (EntryView.VisibleLine line : EntryView.linesOf(entry, Viewer.wholeEntries())) {
                csv.append(Csv.line(Arrays.asList(entry.id(), entry.businessDate(), entry.postedAt(), entry.type().name(),
                        entry.postedBy(), entry.approvedBy(), entry.sessionId(), entry.memo(), entry.reversesEntryId(),
                        entry.reasonCode(), line.lineNumber(), line.side().name(), line.account().id(),
                        line.amount().toPlainString())));
            }
        }
        return csv.toString();
    }
}
