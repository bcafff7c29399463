package coop.tally.member;

import coop.tally.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoMemberGeneratorTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 11, 3);
    private final DemoMemberGenerator generator = new DemoMemberGenerator(TODAY);

    private List<DemoMember> first(int count) {
        return IntStream.range(0, count).mapToObj(generator::member).toList();
    }

    private List<DemoMember.Account> accounts(List<DemoMember> members) {
        return members.stream().flatMap(member -> member.accounts().stream()).toList();
    }

    @Test
    void the_same_member_every_time() {
        assertEquals(generator.member(41), new DemoMemberGenerator(TODAY).member(41));
        assertEquals("100042", generator.member(41).memberNumber());
    }

    @Test
    void member_100001_is_active_with_every_kind_of_account() {
        DemoMember member = generator.member(0);
        assertEquals("100001", member.memberNumber());
        assertEquals(MemberStatus.ACTIVE, member.status());
        assertEquals(List.of("100001-S00", "100001-S10", "100001-S80", "100001-L01"),
                member.accounts().stream().map(DemoMember.Account::accountNumber).toList());
        assertTrue(member.accounts().stream().allMatch(account -> account.status() == AccountStatus.ACTIVE));
        assertEquals(EnumSet.allOf(AccountType.class),
                member.accounts().stream().map(DemoMember.Account::type).collect(Collectors.toSet()));
    }

    @Test
    void member_100002_has_an_ordinary_share_and_share_draft() {
        DemoMember member = generator.member(1);
        assertEquals(List.of(AccountType.SHARE, AccountType.SHARE_DRAFT),
                member.accounts().stream().map(DemoMember.Account::type).toList());
        assertTrue(member.accounts().stream().allMatch(account -> account.status() == AccountStatus.ACTIVE));
        assertEquals(MemberStatus.ACTIVE, member.status());
    }

    @Test
    void the_first_ten_members_hold_accounts_in_every_status_and_a_frozen_member() {
        List<DemoMember> members = first(10);
        Set<AccountStatus> statuses = accounts(members).stream().map(DemoMember.Account::status).collect(Collectors.toSet());
        assertEquals(EnumSet.allOf(AccountStatus.class), statuses);
        assertTrue(members.stream().anyMatch(member -> member.status() == MemberStatus.FROZEN));
    }

    @Test
    void a_larger_set_has_every_type_and_status_spread_through_it() {
        List<DemoMember.Account> accounts = accounts(IntStream.range(10, 2000).mapToObj(generator::member).toList());
        assertEquals(EnumSet.allOf(AccountStatus.class),
                accounts.stream().map(DemoMember.Account::status).collect(Collectors.toSet()));
        assertEquals(EnumSet.allOf(AccountType.class),
                accounts.stream().map(DemoMember.Account::type).collect(Collectors.toSet()));
        long active = accounts.stream().filter(account -> account.status() == AccountStatus.ACTIVE).count();
        assertTrue(active > accounts.size() * 8 / 10, "most accounts are active");
    }

    @Test
    void opening_balances_are_in_range_and_zero_when_closed() {
        for (DemoMember.Account account : accounts(first(3000))) {
            Money balance = account.openingBalance();
            if (account.status() == AccountStatus.CLOSED) {
                assertEquals(Money.ZERO, balance, account.accountNumber());
                assertNotNull(account.closedOn(), account.accountNumber());
            } else if (account.type().isLoan()) {
                assertInRange(balance, "1000.00", "30000.00", account);
            } else {
                assertInRange(balance, "25.00", "20000.00", account);
            }
        }
    }

    @Test
    void every_member_has_a_share_account_and_loans_have_their_terms() {
        for (DemoMember member : first(1000)) {
            assertEquals(member.memberNumber() + "-S00", member.accounts().get(0).accountNumber());
            assertEquals(AccountType.SHARE, member.accounts().get(0).type());
            for (DemoMember.Account account : member.accounts()) {
                if (account.type().isLoan()) {
                    assertNotNull(account.annualRate());
                    assertNotNull(account.paymentAmount());
                    assertNotNull(account.interestPaidTo());
                    assertTrue(account.interestPaidTo().isBefore(TODAY));
                }
                if (account.type() == AccountType.CERTIFICATE) {
                    assertNotNull(account.maturityDate());
                }
            }
        }
    }

    @Test
    void some_open_loans_are_past_due_with_late_fees() {
        List<DemoMember.Account> late = accounts(first(1000)).stream()
                .filter(account -> account.type().isLoan() && account.lateFeesDue().isPositive())
                .toList();
        assertFalse(late.isEmpty());
        assertTrue(late.stream().allMatch(account -> account.nextDueDate().isBefore(TODAY)));
        assertTrue(late.stream().anyMatch(account -> account.accountNumber().equals("100006-L01")));
    }

    @Test
    void members_are_adults_with_demo_only_ssns_and_reachable() {
        for (DemoMember member : first(1000)) {
            assertFalse(member.dateOfBirth().plusYears(18).isAfter(TODAY), member.memberNumber());
            assertFalse(member.joinedOn().isAfter(TODAY));
            assertTrue(member.ssn().matches("9[0-9]{2}-[0-9]{2}-[0-9]{4}"));
            assertTrue(member.phones().size() >= 1 && member.phones().size() <= 2);
            assertTrue(member.phones().get(0).primary());
            member.phones().forEach(phone -> assertEquals(PhoneNumbers.normalize(phone.number()).orElseThrow(), phone.number()));
            assertFalse(member.toString().contains(member.ssn()));
        }
    }

    @Test
    void monthly_payment_is_exact() {
        assertEquals(Money.of("562.50"), DemoMemberGenerator.monthlyPayment(Money.of("12000.00"), new BigDecimal("0.062500"), 24));
        // 277.777... rounds to 277.78, 60.41666... to 60.42
        assertEquals(Money.of("338.20"), DemoMemberGenerator.monthlyPayment(Money.of("10000.00"), new BigDecimal("0.072500"), 36));
    }

    private static void assertInRange(Money balance, String low, String high, DemoMember.Account account) {
        assertFalse(balance.isLessThan(Money.of(low)), account.accountNumber() + " " + balance);
        assertFalse(balance.isGreaterThan(Money.of(high)), account.accountNumber() + " " + balance);
    }
}
