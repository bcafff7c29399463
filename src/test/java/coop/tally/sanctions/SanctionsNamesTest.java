package coop.tally.sanctions;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Names normalized for matching: case, accents, punctuation and Treasury's "LAST, First" order. */
class SanctionsNamesTest {

    @Test
    void turnsTreasuryOrderIntoWrittenOrder() {
        assertEquals("kestrel amadeo zorvath", SanctionsNames.normalize("ZORVATH, Kestrel Amadeo"));
        assertEquals("kestrel amadeo zorvath", SanctionsNames.normalize("Kestrel  Amadeo Zorvath"));
    }

    @Test
    void dropsAccentsCaseAndPunctuation() {
        assertEquals("ignacio szczepanowicz alvarez", SanctionsNames.normalize("SZCZEPANOWICZ-ÅLVAREZ, Ignàcio"));
        assertEquals("fenwick odriscane", SanctionsNames.normalize("O'DRISCANE, Fenwick"));
        assertEquals("fenwick odriscane", SanctionsNames.normalize("Fenwick O\u2019Driscane."));
        assertEquals("strasse lodz", SanctionsNames.normalize("Straße Łódź"));
        assertEquals("", SanctionsNames.normalize(" ,- "));
    }

    @Test
    void sortedWordsIgnoreWordOrder() {
        assertEquals(SanctionsNames.sortedWords(SanctionsNames.normalize("Zorvath Kestrel Amadeo")),
                SanctionsNames.sortedWords(SanctionsNames.normalize("ZORVATH, Kestrel Amadeo")));
    }
}
