package coop.tally.posting.plan;

import coop.tally.ledger.EntryType;
import coop.tally.posting.rule.Tender;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a client sends for one type of posting request: the tenders it takes (the usual first),
 * whether it must name one, the request fields it needs, those a tender adds, and those it may
 * give. {@link PostingPlanner} enforces exactly this and {@code GET /api/posting-types} shows it,
 * so the console asks the server instead of keeping a copy that could drift.
 *
 * @param tenderRequired false when the type may name no tender at all (a transfer)
 * @param fields         the request fields it always needs
 * @param fieldsByTender request fields a tender adds (paying from an account names it)
 * @param optionalFields request fields it may give, and that nothing else takes
 */
public record PostingForm(EntryType type, boolean tenderRequired, List<Tender> tenders, List<String> fields,
                          Map<Tender, List<String>> fieldsByTender, List<String> optionalFields) {

    public PostingForm {
        Objects.requireNonNull(type, "type");
        tenders = List.copyOf(tenders);
        fields = List.copyOf(fields);
        fieldsByTender = Map.copyOf(fieldsByTender);
        optionalFields = List.copyOf(optionalFields);
    }

    /**
     * The form of a type a client may post, or empty for the types other features build (opening
     * balances by conversion, reversals, the drawer's vault and over/short entries). No default: a
     * new entry type does not compile until it is given a form or said to have none.
     */
    public static Optional<PostingForm> of(EntryType type) {
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
            case OPENING_BALANCE, REVERSAL, VAULT_BUY, VAULT_SELL, CASH_OVER_SHORT -> null;
        });
    }

    /** The types a client may post, in the order of {@link EntryType}. */
    public static List<PostingForm> all() {
        List<PostingForm> forms = new ArrayList<>();
        for (EntryType type : EntryType.values()) {
            of(type).ifPresent(forms::add);
        }
        return List.copyOf(forms);
    }

    /** The fields the request needs with {@code tender} (null: none named). */
    public List<String> fieldsFor(Tender tender) {
        List<String> needed = new ArrayList<>(fields);
        needed.addAll(tender == null ? List.of() : fieldsByTender.getOrDefault(tender, List.of()));
        return List.copyOf(needed);
    }
}
