package coop.tally.account;

import coop.tally.member.MemberAccount;
import coop.tally.web.JsonBuilders;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** The desk's answers about opened and closed accounts. */
final class AccountJson {

    private AccountJson() {
    }

    static JsonObjectBuilder account(MemberAccount account, AccountOpening opening) {
        JsonObjectBuilder json = JsonBuilders.JSON.createObjectBuilder()
                .add("accountNumber", account.accountNumber())
                .add("type", account.type().name())
                .add("status", account.status().name())
                .add("ledgerBalance", account.ledgerBalance().toPlainString())
                .add("availableBalance", account.availableBalance().toPlainString())
                .add("openedOn", account.openedOn().toString());
        if (account.maturityDate() != null) {
            json.add("annualRate", account.annualRate().toPlainString())
                    .add("maturityDate", account.maturityDate().toString());
        }
        if (opening != null && opening.termMonths() != null) {
            json.add("termMonths", opening.termMonths()).add("renewAtMaturity", opening.renewAtMaturity());
        }
        if (account.closedOn() != null) {
            json.add("closedOn", account.closedOn().toString());
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
