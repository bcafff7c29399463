package coop.tally.member;

import coop.tally.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** One demo member as generated, before it is written: plain values, no JPA. */
record DemoMember(String memberNumber, String firstName, String lastName, LocalDate dateOfBirth, String ssn,
                  String email, MemberStatus status, LocalDate joinedOn, List<Phone> phones, Address address,
                  List<Account> accounts) {

    record Phone(String number, PhoneKind kind, boolean primary) {
    }

    record Address(String line1, String line2, String city, String state, String zip) {
    }

    /** Terms not relevant to the type are null; a loan's opening balance is its principal. */
    record Account(String accountNumber, AccountType type, AccountStatus status, LocalDate openedOn,
                   LocalDate closedOn, BigDecimal annualRate, LocalDate interestPaidTo, Money lateFeesDue,
                   LocalDate nextDueDate, Money paymentAmount, LocalDate maturityDate, Money openingBalance) {
    }

    /** Never the full SSN: demo data ends up in logs and test output as easily as real data. */
    @Override
    public String toString() {
        return "DemoMember[" + memberNumber + "]";
    }
}
