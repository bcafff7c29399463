package coop.tally.member;

import coop.tally.web.JsonBuilders;
import coop.tally.money.Money;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The JSON shapes of members and accounts. Amounts are decimal strings ("1250.00"), rates too
 * ("0.065000"), dates ISO-8601; absent values are left out rather than sent as null. The SSN
 * appears only masked.
 */
public final class MemberJson {

    private MemberJson() {
    }

    static JsonObject page(SearchResult result) {
        JsonArrayBuilder items = JsonBuilders.JSON.createArrayBuilder();
        result.items().forEach(member -> items.add(summary(member)));
        return JsonBuilders.JSON.createObjectBuilder()
                .add("items", items)
                .add("page", result.page())
                .add("size", result.size())
                .add("total", result.total())
                .build();
    }

    /** A rep's search result: name and member number only, until the caller is verified. */
    static JsonObject namesOnly(SearchResult result) {
        JsonArrayBuilder items = JsonBuilders.JSON.createArrayBuilder();
        result.items().forEach(member -> items.add(JsonBuilders.JSON.createObjectBuilder()
                .add("memberNumber", member.memberNumber())
                .add("name", member.fullName())));
        return JsonBuilders.JSON.createObjectBuilder()
                .add("items", items)
                .add("page", result.page())
                .add("size", result.size())
                .add("total", result.total())
                .build();
    }

    static JsonObjectBuilder summary(Member member) {
        return JsonBuilders.JSON.createObjectBuilder()
                .add("memberNumber", member.memberNumber())
                .add("name", member.fullName())
                .add("firstName", member.firstName())
                .add("lastName", member.lastName())
                .add("status", member.status().name())
                .add("ssn", member.maskedSsn());
    }

    static JsonObject file(MemberFile file) {
        Member member = file.member();
        JsonObjectBuilder json = summary(member)
                .add("dateOfBirth", member.dateOfBirth().toString())
                .add("joinedOn", member.joinedOn().toString());
        optional(json, "email", member.email());
        JsonArrayBuilder phones = JsonBuilders.JSON.createArrayBuilder();
        file.phones().forEach(phone -> phones.add(JsonBuilders.JSON.createObjectBuilder()
                .add("number", phone.number())
                .add("kind", phone.kind().name())
                .add("primary", phone.isPrimary())));
        JsonArrayBuilder addresses = JsonBuilders.JSON.createArrayBuilder();
        file.addresses().forEach(address -> addresses.add(address(address)));
        JsonArrayBuilder accounts = JsonBuilders.JSON.createArrayBuilder();
        file.accounts().forEach(account -> accounts.add(account(account)));
        return json.add("phones", phones).add("addresses", addresses).add("accounts", accounts).build();
    }

    private static JsonObjectBuilder address(MemberAddress address) {
        JsonObjectBuilder json = JsonBuilders.JSON.createObjectBuilder().add("line1", address.line1());
        optional(json, "line2", address.line2());
        return json.add("city", address.city())
                .add("state", address.state())
                .add("zip", address.zip())
                .add("primary", address.isPrimary());
    }

    /** One account as the member file and the desk show it. */
    public static JsonObjectBuilder account(MemberAccount account) {
        JsonObjectBuilder json = JsonBuilders.JSON.createObjectBuilder()
                .add("accountNumber", account.accountNumber())
                .add("type", account.type().name())
                .add("status", account.status().name())
                .add("ledgerBalance", account.ledgerBalance().toPlainString())
                .add("availableBalance", account.availableBalance().toPlainString())
                .add("openedOn", account.openedOn().toString());
        optional(json, "closedOn", account.closedOn());
        optional(json, "annualRate", account.annualRate());
        optional(json, "maturityDate", account.maturityDate());
        if (account.type().isLoan()) {
            optional(json, "interestPaidTo", account.interestPaidTo());
            optional(json, "nextDueDate", account.nextDueDate());
            optional(json, "paymentAmount", account.paymentAmount());
            optional(json, "lateFeesDue", account.lateFeesDue());
        }
        return json;
    }

    private static void optional(JsonObjectBuilder json, String name, Object value) {
        if (value instanceof Money money) {
            json.add(name, money.toPlainString());
        } else if (value instanceof BigDecimal decimal) {
            json.add(name, decimal.toPlainString());
        } else if (value instanceof LocalDate || value instanceof String) {
            json.add(name, value.toString());
        }
    }
}
