package coop.tally.posting.plan;

import coop.tally.ledger.AccountRef;
import coop.tally.ledger.EntryDraft;
import coop.tally.ledger.EntryType;
import coop.tally.ledger.GlAccounts;
import coop.tally.ledger.LineDraft;
import coop.tally.money.Money;
import coop.tally.posting.rule.PostingRefused;
import coop.tally.posting.rule.Tender;
import coop.tally.posting.loan.Allocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static coop.tally.ledger.LineDraft.credit;
import static coop.tally.ledger.LineDraft.debit;

/**
 * Turns a {@link PostingRequest} into the lines of one balanced journal entry. It decides only
 * <em>which accounts move by how much</em>; whether the posting is allowed is for the
 * {@code PostingRules}, and check holds are computed by {@code CheckHoldPolicy}.
 *
 * <table>
 *   <caption>Plans (member = the member account; cash = the rep's drawer GL, 1010-x)</caption>
 *   <tr><th>type</th><th>tender</th><th>needs</th><th>lines</th></tr>
 *   <tr><td>DEPOSIT</td><td>CASH</td><td>toAccount</td><td>Dr cash, Cr member</td></tr>
 *   <tr><td>DEPOSIT</td><td>CHECK</td><td>toAccount</td><td>Dr 1100 checks in clearing, Cr member</td></tr>
 *   <tr><td>DEPOSIT</td><td>INTERNAL</td><td>toAccount</td><td>Dr 2900 suspense, Cr member</td></tr>
 *   <tr><td>WITHDRAWAL</td><td>CASH</td><td>fromAccount</td><td>Dr member, Cr cash</td></tr>
 *   <tr><td>WITHDRAWAL</td><td>OFFICIAL_CHECK</td><td>fromAccount</td><td>Dr member, Cr 2100 official checks outstanding</td></tr>
 *   <tr><td>TRANSFER</td><td>none or ACCOUNT</td><td>fromAccount, toAccount</td><td>Dr from, Cr to</td></tr>
 *   <tr><td>LOAN_PAYMENT</td><td>ACCOUNT or CASH</td><td>loanAccount, fromAccount for ACCOUNT, the allocation</td>
 *       <td>Dr from (or cash) total; Cr loan principal, Cr 4000 interest, Cr 4110 late fees (zero parts: no line)</td></tr>
 *   <tr><td>OFFICIAL_CHECK</td><td>ACCOUNT or CASH</td><td>instrument, fromAccount for ACCOUNT</td>
 *       <td>Dr from (or cash) amount + fee; Cr 2100 amount; Cr 4100 fee (no line when waived or zero)</td></tr>
 *   <tr><td>OPENING_BALANCE</td><td>none</td><td>toAccount xor loanAccount</td>
 *       <td>deposit: Dr 3900, Cr member; loan: Dr loan, Cr 3900</td></tr>
 * </table>
 *
 * Refusals ({@link PostingRefused}): 400 {@code TYPE_NOT_ALLOWED} (a type that is not a posting
 * request: reversals, vault and over/short entries are built elsewhere), 400
 * {@code TENDER_NOT_ALLOWED}, 400 {@code FIELD_REQUIRED} / {@code FIELD_NOT_ALLOWED} /
 * {@code FIELD_INVALID} (details name the {@code field}), 400 {@code AMOUNT_NOT_POSITIVE},
 * 422 {@code FEE_MISMATCH} (the client expected a fee other than the scheduled one; details give
 * {@code scheduledFee}), 422 {@code DRAWER_NOT_OPEN} (CASH tender without an open drawer).
 * A loan allocation that is missing or does not add up to the amount is a programming error of the
 * caller ({@link IllegalArgumentException}).
 *
 * <p>Stateless apart from the fee schedule; thread-safe.
 */
public final class PostingPlanner {

    public static final String TYPE_NOT_ALLOWED = "TYPE_NOT_ALLOWED";
    public static final String TENDER_NOT_ALLOWED = "TENDER_NOT_ALLOWED";
    public static final String FIELD_REQUIRED = "FIELD_REQUIRED";
    public static final String FIELD_NOT_ALLOWED = "FIELD_NOT_ALLOWED";
    public static final String FIELD_INVALID = "FIELD_INVALID";
    public static final String AMOUNT_NOT_POSITIVE = "AMOUNT_NOT_POSITIVE";
    public static final String FEE_MISMATCH = "FEE_MISMATCH";
    public static final String DRAWER_NOT_OPEN = "DRAWER_NOT_OPEN";

    private static final AccountRef CHECKS_IN_CLEARING = AccountRef.gl(GlAccounts.CHECKS_IN_CLEARING);
    private static final AccountRef SUSPENSE = AccountRef.gl(GlAccounts.SUSPENSE);
    private static final AccountRef OFFICIAL_CHECKS_OUTSTANDING = AccountRef.gl(GlAccounts.OFFICIAL_CHECKS_OUTSTANDING);
    private static final AccountRef OPENING_BALANCE_EQUITY = AccountRef.gl(GlAccounts.OPENING_BALANCE_EQUITY);
    private static final AccountRef LOAN_INTEREST_INCOME = AccountRef.gl(GlAccounts.LOAN_INTEREST_INCOME);
    private static final AccountRef FEE_INCOME = AccountRef.gl(GlAccounts.FEE_INCOME);
    private static final AccountRef LATE_FEE_INCOME = AccountRef.gl(GlAccounts.LATE_FEE_INCOME);

    /**
     * The form of each type a client may post, or empty for the types other features build
     * (opening balances by conversion, reversals, the drawer's vault and over/short entries). No
     * default: a new entry type does not compile until it is given a form or said to have none.
     */
    public static Optional<PostingForm> form(EntryType type) {
        List<String> fromAccount = List.of("fromAccount");
        return Optional.ofNullable(switch (type) {
            case DEPOSIT -> new PostingForm(type, true, List.of(Tender.CHECK, Tender.INTERNAL, Tender.CASH),
                    List.of("toAccount"), Map.of(), List.of());
            case WITHDRAWAL -> new PostingForm(type, true, List.of(Tender.OFFICIAL_CHECK, Tender.CASH),
                    List.of("fromAccount"), Map.of(), List.of());
            case TRANSFER -> new PostingForm(type, false, List.of(Tender.ACCOUNT),
                    List.of("fromAccount", "toAccount"), Map.of(), List.of());
            case LOAN_PAYMENT -> new PostingForm(type, true, List.of(Tender.ACCOUNT, Tender.CASH),
                    List.of("loanAccount"), Map.of(Tender.ACCOUNT, fromAccount), List.of());
            case OFFICIAL_CHECK -> new PostingForm(type, true, List.of(Tender.ACCOUNT, Tender.CASH),
                    List.of("instrument"), Map.of(Tender.ACCOUNT, fromAccount), List.of("fee", "feeWaived"));
            case OPENING_BALANCE, REVERSAL, VAULT_BUY, VAULT_SELL, CASH_OVER_SHORT, TELLER_TRANSFER, EARLY_WITHDRAWAL_PENALTY -> null;
        });
    }

    /** The forms of the types a client may post, in the order of {@link EntryType} (the console's order). */
    public static List<PostingForm> forms() {
        List<PostingForm> forms = new ArrayList<>();
        for (EntryType type : EntryType.values()) {
            form(type).ifPresent(forms::add);
        }
        return List.copyOf(forms);
    }

    private final FeeSchedule fees;

    public PostingPlanner(FeeSchedule fees) {
        this.fees = Objects.requireNonNull(fees, "fees");
    }

    /**
     * The entry {@code request} posts, or a refusal saying what is wrong with the request. No
     * default: a new entry type does not compile until it is planned here or refused.
     */
    public EntryDraft plan(PostingRequest request, PlanningContext context) {
        if (request.type() == null) {
            throw required("type");
        }
        return switch (request.type()) {
            case DEPOSIT -> deposit(request, requirePositiveAmount(request.amount()), context);
            case WITHDRAWAL -> withdrawal(request, requirePositiveAmount(request.amount()), context);
            case TRANSFER -> transfer(request, requirePositiveAmount(request.amount()));
            case LOAN_PAYMENT -> loanPayment(request, requirePositiveAmount(request.amount()), context);
            case OFFICIAL_CHECK -> officialCheck(request, requirePositiveAmount(request.amount()), context);
            case OPENING_BALANCE -> openingBalance(request, requirePositiveAmount(request.amount()));
            // built by their own features (reversal, the drawer), never from a posting request
            case REVERSAL, VAULT_BUY, VAULT_SELL, CASH_OVER_SHORT, TELLER_TRANSFER, EARLY_WITHDRAWAL_PENALTY -> throw PostingRefused.malformed(TYPE_NOT_ALLOWED,
                    "A " + request.type() + " entry cannot be requested as a posting.",
                    Map.of("entryType", request.type().name()));
        };
    }

    /**
     * Checks the request against its type's {@link PostingForm}: a tender it takes, and no field
     * it does not use. Answers the tender (null when none is named and none is needed).
     */
    private static Tender admit(PostingRequest request) {
        PostingForm form = form(request.type()).orElseThrow();
        Tender tender = form.tenderRequired() ? requireTender(request, form.tenders()) : requireTenderOrNone(request, form.tenders());
        Fields fields = Fields.of(request);
        form.fieldsFor(tender).forEach(fields::use);
        form.optionalFields().forEach(fields::use);
        fields.refuseOthers();
        return tender;
    }

    private EntryDraft deposit(PostingRequest request, Money amount, PlanningContext context) {
        Tender tender = admit(request);
        AccountRef member = memberAccount("toAccount", request.toAccount());
        AccountRef from = switch (tender) {
            case CASH -> tellerCash(context);
            case CHECK -> CHECKS_IN_CLEARING;
            case INTERNAL -> SUSPENSE; // applying funds the credit union holds in suspense
            case ACCOUNT, OFFICIAL_CHECK -> throw new IllegalStateException("not a deposit's tender: " + tender);
        };
        return EntryDraft.of(EntryType.DEPOSIT, debit(from, amount), credit(member, amount));
    }

    private EntryDraft withdrawal(PostingRequest request, Money amount, PlanningContext context) {
        Tender tender = admit(request);
        AccountRef member = memberAccount("fromAccount", request.fromAccount());
        AccountRef to = tender == Tender.CASH ? tellerCash(context) : OFFICIAL_CHECKS_OUTSTANDING;
        return EntryDraft.of(EntryType.WITHDRAWAL, debit(member, amount), credit(to, amount));
    }

    private EntryDraft transfer(PostingRequest request, Money amount) {
        admit(request);
        AccountRef from = memberAccount("fromAccount", request.fromAccount());
        AccountRef to = memberAccount("toAccount", request.toAccount());
        return EntryDraft.of(EntryType.TRANSFER, debit(from, amount), credit(to, amount));
    }

    private EntryDraft loanPayment(PostingRequest request, Money amount, PlanningContext context) {
        Tender tender = admit(request);
        AccountRef loan = memberAccount("loanAccount", request.loanAccount());
        AccountRef payer = tender == Tender.ACCOUNT ? memberAccount("fromAccount", request.fromAccount()) : tellerCash(context);
        Allocation split = context.loanAllocation();
        if (split == null || !split.total().equals(amount)) {
            throw new IllegalArgumentException("The loan allocation must be given and add up to the payment "
                    + amount + ": " + split);
        }
        List<LineDraft> lines = new ArrayList<>(4);
        lines.add(debit(payer, amount));
        addCreditIfPositive(lines, loan, split.principal());
        addCreditIfPositive(lines, LOAN_INTEREST_INCOME, split.interest());
        addCreditIfPositive(lines, LATE_FEE_INCOME, split.lateFees());
        return new EntryDraft(EntryType.LOAN_PAYMENT, lines);
    }

    private EntryDraft officialCheck(PostingRequest request, Money amount, PlanningContext context) {
        Tender tender = admit(request);
        if (request.instrument() == null) {
            throw required("instrument");
        }
        Money scheduledFee = fees.feeFor(request.instrument());
        if (request.fee() != null && !request.fee().equals(scheduledFee)) {
            throw PostingRefused.refused(FEE_MISMATCH,
                    "The fee for a " + describe(request.instrument()) + " is " + scheduledFee.toPlainString() + ".",
                    Map.of("field", "fee", "scheduledFee", scheduledFee.toPlainString()));
        }
        Money fee = request.feeWaived() ? Money.ZERO : scheduledFee;
        AccountRef payer = tender == Tender.ACCOUNT ? memberAccount("fromAccount", request.fromAccount()) : tellerCash(context);
        List<LineDraft> lines = new ArrayList<>(3);
        lines.add(debit(payer, amount.plus(fee)));
        lines.add(credit(OFFICIAL_CHECKS_OUTSTANDING, amount));
        addCreditIfPositive(lines, FEE_INCOME, fee);
        return new EntryDraft(EntryType.OFFICIAL_CHECK, lines);
    }

    private EntryDraft openingBalance(PostingRequest request, Money amount) {
        requireTenderOrNone(request, List.of());
        boolean toDeposit = isGiven(request.toAccount());
        boolean toLoan = isGiven(request.loanAccount());
        if (toDeposit == toLoan) {
            throw PostingRefused.malformed(toDeposit ? FIELD_NOT_ALLOWED : FIELD_REQUIRED,
                    "An opening balance names exactly one account: toAccount for a deposit account or loanAccount for a loan.",
                    Map.of("field", toDeposit ? "loanAccount" : "toAccount"));
        }
        if (toDeposit) {
            Fields.of(request).use("toAccount").refuseOthers();
            AccountRef member = memberAccount("toAccount", request.toAccount());
            return EntryDraft.of(EntryType.OPENING_BALANCE, debit(OPENING_BALANCE_EQUITY, amount), credit(member, amount));
        }
        Fields.of(request).use("loanAccount").refuseOthers();
        AccountRef loan = memberAccount("loanAccount", request.loanAccount());
        return EntryDraft.of(EntryType.OPENING_BALANCE, debit(loan, amount), credit(OPENING_BALANCE_EQUITY, amount));
    }

    private static void addCreditIfPositive(List<LineDraft> lines, AccountRef account, Money amount) {
        if (amount.isPositive()) {
            lines.add(credit(account, amount));
        }
    }

    private static Money requirePositiveAmount(Money amount) {
        if (amount == null) {
            throw required("amount");
        }
        if (!amount.isPositive()) {
            throw PostingRefused.malformed(AMOUNT_NOT_POSITIVE, "The amount must be greater than zero.",
                    Map.of("field", "amount"));
        }
        return amount;
    }

    private static Tender requireTender(PostingRequest request, List<Tender> allowed) {
        if (request.tender() == null) {
            throw required("tender");
        }
        if (!allowed.contains(request.tender())) {
            throw tenderNotAllowed(request, allowed.toString());
        }
        return request.tender();
    }

    /** For types where the tender says nothing: absent, or one of {@code allowed}. */
    private static Tender requireTenderOrNone(PostingRequest request, List<Tender> allowed) {
        if (request.tender() != null && !allowed.contains(request.tender())) {
            throw tenderNotAllowed(request, allowed.isEmpty() ? "none" : allowed + " or none");
        }
        return request.tender();
    }

    private static PostingRefused tenderNotAllowed(PostingRequest request, String allowed) {
        return PostingRefused.malformed(TENDER_NOT_ALLOWED,
                "A " + request.type() + " cannot use tender " + request.tender() + "; allowed: " + allowed + ".",
                Map.of("entryType", request.type().name(), "tender", request.tender().name()));
    }

    private static AccountRef tellerCash(PlanningContext context) {
        String code = context.tellerCashAccount();
        if (code == null) {
            throw PostingRefused.refused(DRAWER_NOT_OPEN, "Cash needs an open drawer; open one first.", Map.of());
        }
        if (!GlAccounts.isTellerCash(code)) {
            throw new IllegalArgumentException("Not a drawer cash account: " + code);
        }
        return AccountRef.gl(code);
    }

    private static AccountRef memberAccount(String field, String accountNumber) {
        if (!isGiven(accountNumber)) {
            throw required(field);
        }
        if (!accountNumber.strip().equals(accountNumber)) {
            throw PostingRefused.malformed(FIELD_INVALID, "The " + field + " has surrounding spaces.",
                    Map.of("field", field));
        }
        return AccountRef.member(accountNumber);
    }

    private static boolean isGiven(String value) {
        return value != null && !value.isBlank();
    }

    private static PostingRefused required(String field) {
        return PostingRefused.malformed(FIELD_REQUIRED, "The " + field + " is required.", Map.of("field", field));
    }

    private static String describe(Instrument instrument) {
        return instrument == Instrument.MONEY_ORDER ? "money order" : "cashier's check";
    }

    /**
     * The optional request fields, so that each plan says which it uses and a field the type does
     * not use is refused rather than silently ignored (a fromAccount on a deposit is a client bug
     * that would otherwise post somewhere the client did not mean).
     */
    private static final class Fields {
        private final Map<String, Boolean> given = new LinkedHashMap<>();

        private Fields(PostingRequest request) {
            given.put("fromAccount", isGiven(request.fromAccount()));
            given.put("toAccount", isGiven(request.toAccount()));
            given.put("loanAccount", isGiven(request.loanAccount()));
            given.put("instrument", request.instrument() != null);
            given.put("fee", request.fee() != null);
            given.put("feeWaived", request.feeWaived());
        }

        static Fields of(PostingRequest request) {
            return new Fields(request);
        }

        Fields use(String field) {
            given.remove(field);
            return this;
        }

        void refuseOthers() {
            given.forEach((field, present) -> {
                if (present) {
                    throw PostingRefused.malformed(FIELD_NOT_ALLOWED, "The " + field + " does not apply to this posting.",
                            Map.of("field", field));
                }
            });
        }
    }
}
