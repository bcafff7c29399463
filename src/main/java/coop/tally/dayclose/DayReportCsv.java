package coop.tally.dayclose;

import coop.tally.web.Csv;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A day's report as one CSV file for a spreadsheet: a comment line naming the day, then one
 * section per part of the report, each introduced by a {@code section,<name>} line and its own
 * header line, sections separated by an empty line.
 */
final class DayReportCsv {

    private record Column(String header, String key) {
    }

    private record Section(String name, String member, List<Column> columns) {
    }

    private static final List<Section> SECTIONS = List.of(
            new Section("trial_balance", null, columns("code", "name", "normal_side:normalSide", "debits", "credits", "balance")),
            new Section("drawers", "drawers", columns("id", "owner", "state", "vault_issue:vaultIssue", "opening",
                    "cash_in:cashIn", "cash_out:cashOut", "vault_in:vaultIn", "vault_out:vaultOut",
                    "from_other_drawers:handedIn", "to_other_drawers:handedOut", "expected", "counted",
                    "over_short:overShort", "approved_by:approvedBy")),
            new Section("ctrs", "ctrs", columns("id", "member_number:memberNumber", "direction", "total", "entry_ids:entryIds")),
            new Section("instrument_purchases", "instrumentPurchases", columns("id", "entry_id:entryId",
                    "member_number:memberNumber", "instrument", "amount", "buyer_identified_by:buyerIdentifiedBy", "posted_by:postedBy")),
            new Section("structuring_alerts", "structuringAlerts", columns("id", "member_number:memberNumber", "entry_ids:entryIds")),
            new Section("overrides", "overrides", columns("approval_id:approvalId", "entry_id:entryId", "type", "amount",
                    "posted_by:postedBy", "approved_by:approvedBy", "summary")),
            new Section("reversals", "reversals", columns("entry_id:entryId", "reverses_entry_id:reversesEntryId", "reason",
                    "amount", "posted_by:postedBy", "approved_by:approvedBy")));

    private DayReportCsv() {
    }

    static String write(JsonObject report) {
        StringBuilder csv = new StringBuilder();
        csv.append(Csv.comment("Tally business day report " + report.getString("businessDate")
                + (report.getBoolean("closed", false)
                ? ", closed by " + report.getString("closedBy", "") + " at " + report.getString("closedAt", "")
                + "; next business day " + report.getString("nextBusinessDate", "")
                : ", not closed: the figures as they read now")));
        JsonObject trial = report.getJsonObject("trialBalance");
        for (Section section : SECTIONS) {
            csv.append(Csv.line(List.of("section", section.name())));
            if (section.member() == null && trial.containsKey("withheld")) {
                csv.append(Csv.line(List.of("withheld", trial.getString("withheld")))).append(Csv.EOL);
                continue;
            }
            csv.append(Csv.line(section.columns().stream().map(Column::header).toList()));
            JsonArray rows = section.member() == null ? trial.getJsonArray("accounts") : report.getJsonArray(section.member());
            for (JsonValue row : rows) {
                List<String> fields = new ArrayList<>();
                for (Column column : section.columns()) {
                    fields.add(text(row.asJsonObject().get(column.key())));
                }
                csv.append(Csv.line(fields));
            }
            if (section.member() == null) {
                csv.append(Csv.line(List.of("total", "", "", trial.getString("totalDebits"), trial.getString("totalCredits"),
                        trial.getBoolean("balanced") ? "balanced" : "NOT BALANCED")));
            }
            csv.append(Csv.EOL);
        }
        return csv.toString();
    }

    private static String text(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return "";
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof JsonNumber number) {
            return number.toString();
        }
        if (value instanceof JsonArray array) {
            return array.stream().map(DayReportCsv::text).collect(Collectors.joining(" "));
        }
        return value.toString();
    }

    private static List<Column> columns(String... specs) {
        List<Column> columns = new ArrayList<>();
        for (String spec : specs) {
            int colon = spec.indexOf(':');
            columns.add(colon < 0 ? new Column(spec, spec) : new Column(spec.substring(0, colon), spec.substring(colon + 1)));
        }
        return columns;
    }
}
