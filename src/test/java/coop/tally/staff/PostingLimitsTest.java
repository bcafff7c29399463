package coop.tally.staff;

import coop.tally.money.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PostingLimitsTest {

    private static PostingLimitSetting set(PostingLimitSetting.Scope scope, String subject, PostingLimit limit, String amount) {
        return new PostingLimitSetting(scope, subject, limit, Money.of(amount), "admin1", Instant.EPOCH);
    }

    @Test
    void without_settings_the_credit_unions_defaults_apply() {
        Map<PostingLimit, Money> limits = PostingLimits.resolve("rep1", Set.of(Role.REP), List.of());
        assertEquals(Money.of("2500.00"), limits.get(PostingLimit.CASH_WITHDRAWAL));
        assertEquals(Money.of("10000.00"), limits.get(PostingLimit.SINGLE_POSTING));
        assertEquals(Money.of("1000.00"), limits.get(PostingLimit.TRANSFER_TO_OTHER_MEMBER));
    }

    @Test
    void a_role_setting_applies_to_everyone_holding_the_role_and_a_staff_setting_wins_over_it() {
        List<PostingLimitSetting> settings = List.of(
                set(PostingLimitSetting.Scope.ROLE, "REP", PostingLimit.CASH_WITHDRAWAL, "3000.00"),
                set(PostingLimitSetting.Scope.STAFF, "rep2", PostingLimit.CASH_WITHDRAWAL, "1500.00"));
        assertEquals(Money.of("3000.00"), PostingLimits.resolve("rep1", Set.of(Role.REP), settings).get(PostingLimit.CASH_WITHDRAWAL));
        assertEquals(Money.of("1500.00"), PostingLimits.resolve("rep2", Set.of(Role.REP), settings).get(PostingLimit.CASH_WITHDRAWAL));
        assertEquals(Money.of("10000.00"), PostingLimits.resolve("rep1", Set.of(Role.REP), settings).get(PostingLimit.SINGLE_POSTING));
    }

    @Test
    void with_two_roles_the_higher_role_limit_applies() {
        List<PostingLimitSetting> settings = List.of(
                set(PostingLimitSetting.Scope.ROLE, "REP", PostingLimit.CASH_WITHDRAWAL, "2000.00"),
                set(PostingLimitSetting.Scope.ROLE, "SUPERVISOR", PostingLimit.CASH_WITHDRAWAL, "5000.00"));
        assertEquals(Money.of("5000.00"), PostingLimits.resolve("super1", Set.of(Role.REP, Role.SUPERVISOR), settings)
                .get(PostingLimit.CASH_WITHDRAWAL));
        assertEquals(Money.of("2000.00"), PostingLimits.resolve("rep1", Set.of(Role.REP), settings).get(PostingLimit.CASH_WITHDRAWAL));
    }

    @Test
    void of_every_setting_made_only_the_newest_per_scope_subject_and_limit_is_in_force_in_the_order_made() {
        PostingLimitSetting repCashFirst = set(PostingLimitSetting.Scope.ROLE, "REP", PostingLimit.CASH_WITHDRAWAL, "3000.00");
        PostingLimitSetting rep2Cash = set(PostingLimitSetting.Scope.STAFF, "rep2", PostingLimit.CASH_WITHDRAWAL, "1500.00");
        PostingLimitSetting repSingle = set(PostingLimitSetting.Scope.ROLE, "REP", PostingLimit.SINGLE_POSTING, "8000.00");
        PostingLimitSetting repCashThen = set(PostingLimitSetting.Scope.ROLE, "REP", PostingLimit.CASH_WITHDRAWAL, "2000.00");
        // a staff setting whose subject is spelt like a role is a different key
        PostingLimitSetting staffNamedRep = set(PostingLimitSetting.Scope.STAFF, "REP", PostingLimit.CASH_WITHDRAWAL, "100.00");

        List<PostingLimitSetting> inForce = PostingLimits.newestOfEach(
                List.of(repCashFirst, rep2Cash, repSingle, repCashThen, staffNamedRep));

        assertEquals(List.of(rep2Cash, repSingle, repCashThen, staffNamedRep), inForce);
        assertEquals(Money.of("2000.00"), PostingLimits.resolve("rep1", Set.of(Role.REP), inForce).get(PostingLimit.CASH_WITHDRAWAL));
    }
}
