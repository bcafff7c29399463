package coop.tally.posting.plan;

import coop.tally.ledger.EntryType;
import coop.tally.posting.rule.Tender;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a client sends for one type of posting request: the tenders it takes (the usual first),
 * whether it must name one, the request fields it needs, those a tender adds, and those it may
 * give. Each type's form is declared in {@link PostingPlanner#form}, which enforces exactly it, and
 * {@code GET /api/posting-types} shows it, so the console asks instead of keeping a copy that could drift.
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

    /** The fields the request needs with {@code tender} (null: none named). */
    public List<String> fieldsFor(Tender tender) {
        List<String> needed = new ArrayList<>(fields);
        needed.addAll(tender == null ? List.of() : fieldsByTender.getOrDefault(tender, List.of()));
        return List.copyOf(needed);
    }
}
