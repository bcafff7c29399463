package coop.tally.sanctions;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading Treasury's sdn.csv format: quoting, "-0-" as empty, the trailing SUB line, and refusal of broken lines. */
class SdnCsvTest {

    @Test
    void readsQuotedFieldsEmptyMarkersAndCommasInsideQuotes() {
        String text = "36,\"AEROCARIBE, Test Name\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"a.k.a. \"\"X\"\"; 1,000 t\"\r\n"
                + "37,\"SOME VESSEL\",\"vessel\",\"IRAN\",-0- ,\"ABCD\",\"Tanker\",\"80,000\",\"45,000\",\"Panama\",-0- ,-0- \r\n"
                + "\u001A\r\n";
        List<SdnEntry> entries = SdnCsv.parse(text);
        assertEquals(2, entries.size());
        assertEquals(new SdnEntry(36, "AEROCARIBE, Test Name", "", "CUBA"), entries.get(0));
        assertEquals(new SdnEntry(37, "SOME VESSEL", "vessel", "IRAN"), entries.get(1));
        List<String> fields = SdnCsv.fields("36,\"A\",-0- ,\"B\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"say \"\"hi\"\", 2\"", 1);
        assertEquals(12, fields.size());
        assertEquals("say \"hi\", 2", fields.get(11));
        assertEquals("", fields.get(2));
    }

    @Test
    void refusesBrokenLinesNamingTheLine() {
        String ok = "1,\"A, B\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n";
        IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class,
                () -> SdnCsv.parse(ok + "2,\"C, D\",\"individual\"\n"));
        assertTrue(tooFew.getMessage().contains("line 2"), tooFew.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SdnCsv.parse("x,\"A\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n"));
        assertThrows(IllegalArgumentException.class, () -> SdnCsv.parse("3,\"unclosed,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n"));
        assertThrows(IllegalArgumentException.class, () -> SdnCsv.parse("4,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n"));
    }

    @Test
    void theShippedDemoListReads() throws IOException {
        try (InputStream in = SdnCsvTest.class.getResourceAsStream(SanctionsList.DEMO_LIST)) {
            List<SdnEntry> entries = SdnCsv.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertEquals(10, entries.size());
            assertEquals("ZORVATH, Kestrel Amadeo", entries.get(0).name());
            assertEquals("vessel", entries.get(5).type());
        }
    }
}
