package coop.tally.member;

import coop.tally.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Makes believable demo members around Chicago, the same every time: member N is drawn from a
 * Random seeded with N, so it does not depend on how many members are generated.
 *
 * <p>Fixed points other code and tests rely on:
 * <ul>
 *   <li>100001: an ordinary, fully ACTIVE member with a share, a share draft, a certificate and a loan;</li>
 *   <li>100002: the membership of staff user rep2 ("Robin Rep", named as in the staff record), with an
 *       ACTIVE share and share draft;</li>
 *   <li>100003-100008 between them hold accounts in every status: 100003 a DORMANT share draft,
 *       100004 is a FROZEN member with FROZEN accounts, 100005 a CLOSED certificate, 100006 a loan past
 *       due with a late fee, 100007 a DORMANT share, 100008 a CLOSED (paid off) loan.</li>
 * </ul>
 * Demo SSNs use area numbers 900-999, which are never issued as SSNs; phone numbers are in the
 * 555 exchange and e-mail addresses at example.com/.org/.net, so no real person is named.
 */
final class DemoMemberGenerator {

    static final int FIRST_MEMBER_NUMBER = 100001;
    static final String SHOWCASE_SSN = "900-41-1234";
    private static final long SEED = 0x7A11_CAFEL;

    private static final String[] FIRST_NAMES = {
            "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
            "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Carlos", "Karen",
            "Daniel", "Lisa", "Matthew", "Nancy", "Anthony", "Betty", "Mark", "Sandra", "Donald", "Ashley",
            "Steven", "Kimberly", "Andrew", "Emily", "Joshua", "Donna", "Kenneth", "Michelle", "Kevin", "Carol",
            "Brian", "Amanda", "Luis", "Melissa", "Jose", "Deborah", "Wei", "Stephanie", "Tyrone", "Rebecca",
            "Jamal", "Laura", "Andre", "Sharon", "Juan", "Cynthia", "Miguel", "Kathleen", "Omar", "Amy",
            "Darnell", "Angela", "Hiroshi", "Shirley", "Dmitri", "Anna", "Tomasz", "Brenda", "Marcus", "Pamela",
            "Raj", "Nicole", "Ahmed", "Emma", "Kwame", "Samantha", "Sean", "Katherine", "Patrick", "Christine",
            "Priya", "Guadalupe", "Aisha", "Mei", "Fatima", "Keisha", "Agnieszka", "Rosa", "Yolanda", "Ngozi"};

    private static final String[] LAST_NAMES = {
            "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
            "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
            "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
            "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
            "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
            "Kowalski", "Nowak", "Wojcik", "O'Brien", "O'Connor", "Murphy", "Sullivan", "Kelly", "Patel", "Shah",
            "Kim", "Park", "Chen", "Wang", "Liu", "Tanaka", "Okafor", "Mensah", "Washington", "Jefferson",
            "Brooks", "Price", "Bennett", "Wood", "Barnes", "Ross", "Henderson", "Coleman", "Jenkins", "Perry",
            "Powell", "Long", "Patterson", "Hughes", "Schmidt", "Mueller", "Novak", "Petrov", "Ivanov", "Haddad",
            "De La Cruz", "Van Dyke", "Smith-Jones", "Delgado", "Castillo", "Morales", "Ortiz", "Gutierrez", "Reyes", "Cruz"};

    private static final String[] STREETS = {
            "N Clark St", "W Belmont Ave", "S Halsted St", "W Diversey Pkwy", "N Sheridan Rd", "W Irving Park Rd",
            "E 55th St", "N Milwaukee Ave", "W Madison St", "S Ashland Ave", "Maple St", "Oak Ave", "Elm St",
            "Washington St", "Main St", "Lake St", "Chicago Ave", "Ridge Ave", "Harlem Ave", "Cermak Rd"};

    /** City, state, ZIP codes, area codes: a rough map of the credit union's field of membership. */
    private record Place(String city, String state, String[] zips, String[] areaCodes) {
    }

    private static final Place[] PLACES = {
            new Place("Chicago", "IL", new String[] {"60605", "60607", "60608", "60611", "60613", "60614", "60618",
                    "60622", "60625", "60626", "60640", "60647", "60657"}, new String[] {"312", "773", "872"}),
            new Place("Evanston", "IL", new String[] {"60201", "60202"}, new String[] {"847", "224"}),
            new Place("Oak Park", "IL", new String[] {"60302", "60304"}, new String[] {"708"}),
            new Place("Cicero", "IL", new String[] {"60804"}, new String[] {"708"}),
            new Place("Skokie", "IL", new String[] {"60076", "60077"}, new String[] {"847"}),
            new Place("Naperville", "IL", new String[] {"60540", "60563"}, new String[] {"630", "331"}),
            new Place("Aurora", "IL", new String[] {"60505", "60506"}, new String[] {"630"}),
            new Place("Joliet", "IL", new String[] {"60431", "60435"}, new String[] {"815", "779"}),
            new Place("Schaumburg", "IL", new String[] {"60173", "60193"}, new String[] {"847"}),
            new Place("Berwyn", "IL", new String[] {"60402"}, new String[] {"708"}),
            new Place("Gary", "IN", new String[] {"46402", "46408"}, new String[] {"219"}),
    };

    private final LocalDate today;

    DemoMemberGenerator(LocalDate today) {
        this.today = today;
    }

    /** The n-th demo member (0-based): member number 100001 + n. */
    DemoMember member(int index) {
        int number = FIRST_MEMBER_NUMBER + index;
        return switch (number) {
            case 100001 -> showcase();
            default -> generated(number, new Random(SEED ^ number));
        };
    }

    /** The member tests and demos start from: nothing unusual, every kind of account. */
    private DemoMember showcase() {
        String number = "100001";
        LocalDate joined = LocalDate.of(2009, 6, 1);
        List<DemoMember.Account> accounts = List.of(
                deposit(number, "S00", AccountType.SHARE, AccountStatus.ACTIVE, joined, Money.of("1250.00")),
                deposit(number, "S10", AccountType.SHARE_DRAFT, AccountStatus.ACTIVE, joined, Money.of("3480.25")),
                new DemoMember.Account(number + "-S80", AccountType.CERTIFICATE, AccountStatus.ACTIVE,
                        today.minusMonths(3), null, rate(425), null, null, null, null, today.plusMonths(9),
                        Money.of("10000.00")),
                new DemoMember.Account(number + "-L01", AccountType.LOAN, AccountStatus.ACTIVE,
                        today.minusMonths(14), null, rate(650), today.minusDays(20), Money.ZERO, today.plusDays(10),
                        Money.of("385.00"), null, Money.of("12500.00")));
        return new DemoMember(number, "Eleanor", "Whitfield", LocalDate.of(1978, 4, 12), SHOWCASE_SSN,
                "eleanor.whitfield@example.com", MemberStatus.ACTIVE, joined,
                List.of(new DemoMember.Phone("+13125550101", PhoneKind.MOBILE, true),
                        new DemoMember.Phone("+17735550102", PhoneKind.HOME, false)),
                new DemoMember.Address("1234 W Belmont Ave", null, "Chicago", "IL", "60657"),
                accounts);
    }

    private DemoMember generated(int memberNumber, Random random) {
        String number = Integer.toString(memberNumber);
        boolean staffMember = memberNumber == 100002;
        String first = staffMember ? "Robin" : pick(random, FIRST_NAMES);
        String last = staffMember ? "Rep" : pick(random, LAST_NAMES);
        LocalDate born = today.minusYears(18 + random.nextInt(68)).minusDays(random.nextInt(365));
        LocalDate adult = born.plusYears(18);
        LocalDate joined = latest(adult, today.minusDays(180 + random.nextInt(30 * 365)));
        Place place = PLACES[random.nextInt(PLACES.length)];
        MemberStatus memberStatus = memberNumber == 100004 || (memberNumber > 100010 && random.nextInt(100) == 0)
                ? MemberStatus.FROZEN : MemberStatus.ACTIVE;

        List<DemoMember.Account> accounts = new ArrayList<>();
        accounts.add(deposit(number, "S00", AccountType.SHARE,
                shareStatus(memberNumber, random), joined, depositBalance(random)));
        if (staffMember || random.nextInt(100) < 65) {
            accounts.add(deposit(number, "S10", AccountType.SHARE_DRAFT, draftStatus(memberNumber, random),
                    openedAfter(joined, random), depositBalance(random)));
        }
        if (!staffMember && (memberNumber == 100005 || random.nextInt(100) < 20)) {
            accounts.add(certificate(number, memberNumber == 100005 ? AccountStatus.CLOSED : otherStatus(random), random));
        }
        if (!staffMember && (memberNumber == 100006 || memberNumber == 100008 || random.nextInt(100) < 30)) {
            AccountStatus status = memberNumber == 100008 ? AccountStatus.CLOSED : otherStatus(random);
            accounts.add(loan(number, status, memberNumber == 100006 || random.nextInt(100) < 8, random));
        }
        if (memberStatus == MemberStatus.FROZEN) {
            accounts.replaceAll(DemoMemberGenerator::frozen);
        }
        return new DemoMember(number, first, last, born, ssn(random), email(first, last, random), memberStatus,
                joined, phones(place, random), address(place, random), List.copyOf(accounts));
    }

    private static AccountStatus shareStatus(int memberNumber, Random random) {
        if (memberNumber == 100007) {
            return AccountStatus.DORMANT;
        }
        // the share holds the membership: it does not close while the member stays
        return memberNumber > 100010 && random.nextInt(100) < 5 ? AccountStatus.DORMANT : AccountStatus.ACTIVE;
    }

    private static AccountStatus draftStatus(int memberNumber, Random random) {
        if (memberNumber == 100003) {
            return AccountStatus.DORMANT;
        }
        return memberNumber <= 100010 ? AccountStatus.ACTIVE : otherStatus(random);
    }

    /** Most accounts are ACTIVE; a few DORMANT, FROZEN or CLOSED. */
    private static AccountStatus otherStatus(Random random) {
        int roll = random.nextInt(100);
        if (roll < 5) {
            return AccountStatus.DORMANT;
        }
        if (roll < 7) {
            return AccountStatus.FROZEN;
        }
        return roll < 10 ? AccountStatus.CLOSED : AccountStatus.ACTIVE;
    }

    private static DemoMember.Account frozen(DemoMember.Account account) {
        if (account.status() == AccountStatus.CLOSED) {
            return account;
        }
        return new DemoMember.Account(account.accountNumber(), account.type(), AccountStatus.FROZEN,
                account.openedOn(), account.closedOn(), account.annualRate(), account.interestPaidTo(),
                account.lateFeesDue(), account.nextDueDate(), account.paymentAmount(), account.maturityDate(),
                account.openingBalance());
    }

    private DemoMember.Account deposit(String member, String suffix, AccountType type, AccountStatus status,
                                       LocalDate openedOn, Money balance) {
        LocalDate closedOn = status == AccountStatus.CLOSED ? today.minusDays(30) : null;
        return new DemoMember.Account(member + "-" + suffix, type, status, openedOn, closedOn, null, null, null,
                null, null, null, status == AccountStatus.CLOSED ? Money.ZERO : balance);
    }

    private DemoMember.Account certificate(String member, AccountStatus status, Random random) {
        int termMonths = new int[] {6, 12, 24, 36, 60}[random.nextInt(5)];
        boolean closed = status == AccountStatus.CLOSED;
        // an open certificate has not matured yet; a closed one matured and was paid out
        LocalDate opened = closed
                ? today.minusMonths(termMonths + 1L + random.nextInt(24))
                : today.minusMonths(random.nextInt(termMonths)).minusDays(random.nextInt(28));
        LocalDate maturity = opened.plusMonths(termMonths);
        return new DemoMember.Account(member + "-S80", AccountType.CERTIFICATE, status, opened,
                closed ? maturity : null, rate(150 + random.nextInt(326)), null, null, null, null, maturity,
                closed ? Money.ZERO : cents(50_000 + random.nextInt(1_950_001)));
    }

    private DemoMember.Account loan(String member, AccountStatus status, boolean pastDue, Random random) {
        boolean closed = status == AccountStatus.CLOSED;
        Money principal = closed ? Money.ZERO : cents(100_000 + random.nextInt(2_900_001));
        BigDecimal annualRate = rate(349 + random.nextInt(1551));
        int termMonths = 24 + 12 * random.nextInt(5);
        Money originalPrincipal = closed ? cents(100_000 + random.nextInt(2_900_001)) : principal;
        LocalDate opened = today.minusMonths(2 + random.nextInt(termMonths - 1));
        LocalDate interestPaidTo = closed ? today.minusDays(60) : today.minusDays(1 + random.nextInt(40));
        boolean late = pastDue && !closed;
        LocalDate nextDue = closed ? null
                : late ? today.minusDays(5 + random.nextInt(36)) : today.plusDays(1 + random.nextInt(28));
        Money lateFees = late ? Money.of(random.nextBoolean() ? "25.00" : "35.00") : Money.ZERO;
        return new DemoMember.Account(member + "-L01", AccountType.LOAN, status, opened,
                closed ? today.minusDays(60) : null, annualRate, interestPaidTo, lateFees, nextDue,
                monthlyPayment(originalPrincipal, annualRate, termMonths), null, principal);
    }

    /**
     * A demo monthly payment: the principal spread over the term plus a month of interest on it.
     * Not an amortization schedule, but the right size, and exact.
     */
    static Money monthlyPayment(Money principal, BigDecimal annualRate, int termMonths) {
        BigDecimal amount = principal.toBigDecimal();
        BigDecimal payment = amount.divide(BigDecimal.valueOf(termMonths), 2, RoundingMode.HALF_UP)
                .add(amount.multiply(annualRate).divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP));
        return Money.of(payment);
    }

    /** Deposits 25.00-20,000.00, most of them small, as real balances are. */
    private static Money depositBalance(Random random) {
        int roll = random.nextInt(100);
        int[] band = roll < 45 ? new int[] {2_500, 50_000}
                : roll < 75 ? new int[] {50_000, 250_000}
                : roll < 92 ? new int[] {250_000, 800_000}
                : new int[] {800_000, 2_000_000};
        return cents(band[0] + (long) random.nextInt(band[1] - band[0] + 1));
    }

    private LocalDate openedAfter(LocalDate joined, Random random) {
        long days = Math.max(0, today.toEpochDay() - joined.toEpochDay());
        return joined.plusDays(days == 0 ? 0 : random.nextInt((int) Math.min(days, Integer.MAX_VALUE)));
    }

    private static List<DemoMember.Phone> phones(Place place, Random random) {
        List<DemoMember.Phone> phones = new ArrayList<>(2);
        phones.add(new DemoMember.Phone(phone(place, random), random.nextInt(100) < 80 ? PhoneKind.MOBILE : PhoneKind.HOME, true));
        if (random.nextInt(100) < 45) {
            PhoneKind kind = phones.get(0).kind() == PhoneKind.MOBILE
                    ? (random.nextBoolean() ? PhoneKind.HOME : PhoneKind.WORK) : PhoneKind.MOBILE;
            phones.add(new DemoMember.Phone(phone(place, random), kind, false));
        }
        return phones;
    }

    private static String phone(Place place, Random random) {
        int line = 100 + random.nextInt(9900);
        if (line == 1212) {
            line = 1213; // 555-1212 is directory assistance
        }
        return "+1" + pick(random, place.areaCodes()) + "555" + String.format(Locale.ROOT, "%04d", line);
    }

    private static DemoMember.Address address(Place place, Random random) {
        String line1 = (100 + random.nextInt(9900)) + " " + pick(random, STREETS);
        String line2 = random.nextInt(100) < 25 ? "Apt " + (1 + random.nextInt(24)) + (char) ('A' + random.nextInt(6)) : null;
        return new DemoMember.Address(line1, line2, place.city(), place.state(), pick(random, place.zips()));
    }

    private static String ssn(Random random) {
        return String.format(Locale.ROOT, "%03d-%02d-%04d", 900 + random.nextInt(100), 1 + random.nextInt(99),
                1 + random.nextInt(9999));
    }

    private static String email(String first, String last, Random random) {
        if (random.nextInt(100) < 15) {
            return null;
        }
        String local = (first + "." + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "");
        String[] domains = {"example.com", "example.org", "example.net"};
        return local + (random.nextBoolean() ? "" : Integer.toString(random.nextInt(100))) + "@" + pick(random, domains);
    }

    private static BigDecimal rate(int basisPoints) {
        return BigDecimal.valueOf(basisPoints, 4).setScale(6);
    }

    private static Money cents(long cents) {
        return Money.ofCents(cents);
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
