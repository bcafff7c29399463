package coop.tally.dayclose;

import coop.tally.web.Csv;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The CTRs of a business day as a CSV file for the compliance officer's filing tool: comment lines
 * first (what the file is, how Tally fills FinCEN Form 112, the Form 112 fields Tally does not hold
 * and those it withholds), then one header line and one line per CTR.
 */
final class CtrCsv {

    /** One CTR with what Tally holds of FinCEN Form 112's fields. Null or empty where Tally has nothing. */
    record Row(long ctrId, LocalDate businessDate, String direction, String cashIn, String cashOut, String memberNumber,
               String lastName, String firstName, LocalDate dateOfBirth, String street, String city, String state,
               String zip, String tinLast4, String phone, String email, String idType, String idLast4,
               LocalDate idExpires, int transactions, String entryIds, String staff) {
    }

    static final List<String> HEADER = List.of(
            "ctr_id", "transaction_date", "direction", "cash_in_total", "cash_out_total", "person_role",
            "member_number", "last_name", "first_name", "date_of_birth", "address", "city", "state", "zip",
            "tin", "tin_type", "phone", "email", "id_type", "id_number_last4", "id_expires",
            "transaction_count", "entry_ids", "staff");

    static final String NOT_HELD = "Form 112 fields Tally does not hold (complete them in the filing tool): middle name;"
            + " suffix; gender; alternate name; occupation or type of business; NAICS code; country (addresses on file are"
            + " in the United States); identification number beyond its last four and its issuing state or country;"
            + " a person conducting on behalf of another and the person on whose behalf; foreign cash in and out;"
            + " the financial institution's name, address, EIN, RSSD number, type and contact office.";

    static final String WITHHELD = "Withheld from this file: the full TIN (SSN) and the account numbers affected."
            + " The tin column holds only the last four (***-**-1234); take the full TIN from the member's record.";

    private CtrCsv() {
    }

    static String write(LocalDate businessDate, List<Row> rows, Instant exportedAt, String exportedBy) {
        StringBuilder csv = new StringBuilder();
        csv.append(Csv.comment("FinCEN Currency Transaction Report (FinCEN Form 112) data from Tally: business date "
                + businessDate + ", " + rows.size() + " report(s), exported at " + exportedAt + " by " + exportedBy + "."));
        csv.append(Csv.comment("One line per CTR: a member's cash in or cash out above 10,000.00 on the business date,"
                + " aggregated (Part II). The member verified at the counter is the person conducting the transactions"
                + " on their own behalf (Part I, item 2a); staff are the makers and approvers."));
        csv.append(Csv.comment(NOT_HELD));
        csv.append(Csv.comment(WITHHELD));
        csv.append(Csv.line(HEADER));
        for (Row row : rows) {
            csv.append(Csv.line(java.util.Arrays.asList(
                    row.ctrId(), row.businessDate(), row.direction(), row.cashIn(), row.cashOut(), "OWN_BEHALF",
                    row.memberNumber(), row.lastName(), row.firstName(), row.dateOfBirth(), row.street(), row.city(),
                    row.state(), row.zip(), row.tinLast4() == null ? "" : "***-**-" + row.tinLast4(), "SSN",
                    row.phone(), row.email(), row.idType(), row.idLast4(), row.idExpires(),
                    row.transactions(), row.entryIds(), row.staff())));
        }
        return csv.toString();
    }
}
