package coop.tally.account;

import coop.tally.member.MemberAccount;
import coop.tally.member.MemberJson;
import coop.tally.web.JsonBuilders;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** The desk's answers about opened and closed accounts. */
final class AccountJson {

    private AccountJson() {
    }

    /** The account as the member file shows it, with the terms it was opened with at the desk. */
    static JsonObjectBuilder account(MemberAccount account, AccountOpening opening) {
        JsonObjectBuilder json = MemberJson.account(account);
        if (opening != null && opening.termMonths() != null) {
            json.add("termMonths", opening.termMonths()).add("renewAtMaturity", opening.renewAtMaturity());
        }
        return json;
    }

    static JsonObject closing(AccountClosing closing) {
        JsonObjectBuilder json = JsonBuilders.JSON.createObjectBuilder()
                .add("accountNumber", closing.accountNumber())
                .add("status", "CLOSED")
                .add("payout", closing.payout().name())
                .add("paidOut", closing.paidOut().toPlainString())
                .add("penalty", closing.penalty().toPlainString())
                .add("penaltyWaived", closing.penaltyWaived())
                .add("closedBy", closing.closedBy());
        if (closing.payoutAccount() != null) {
            json.add("toAccount", closing.payoutAccount());
        }
        if (closing.approvalId() != null) {
            json.add("approvalId", closing.approvalId());
        }
        return json.build();
    }
}
