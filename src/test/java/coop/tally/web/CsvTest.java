package coop.tally.web;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvTest {

    @Test
    void plain_fields_are_written_as_they_are_with_crlf() {
        assertEquals("a,b,12.50\r\n", Csv.line(List.of("a", "b", "12.50")));
    }

    @Test
    void null_is_an_empty_field() {
        assertEquals("a,,c\r\n", Csv.line(Arrays.asList("a", null, "c")));
    }

    @Test
    void commas_quotes_and_line_breaks_are_quoted_with_quotes_doubled() {
        assertEquals("\"Apt 4, Rear\"", Csv.field("Apt 4, Rear"));
        assertEquals("\"O\"\"Brien \"\"Jr\"\"\"", Csv.field("O\"Brien \"Jr\""));
        assertEquals("\"line one\nline two\"", Csv.field("line one\nline two"));
        assertEquals("\"a\r\nb\"", Csv.field("a\r\nb"));
        assertEquals("\" padded \"", Csv.field(" padded "));
    }

    @Test
    void unicode_names_are_kept_whole() {
        assertEquals("Zoë Ångström-Nguyễn", Csv.field("Zoë Ångström-Nguyễn"));
        assertEquals("\"李, 小龍 😀\"", Csv.field("李, 小龍 😀"));
        assertEquals("José,Müller\r\n", Csv.line(List.of("José", "Müller")));
    }

    @Test
    void what_a_spreadsheet_would_run_as_a_formula_is_defused() {
        assertEquals("'=1+2", Csv.field("=1+2"));
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", Csv.field("=HYPERLINK(\"x\")"));
        assertEquals("'@SUM(A1)", Csv.field("@SUM(A1)"));
        assertEquals("'+cmd", Csv.field("+cmd"));
        assertEquals("'-x", Csv.field("-x"));
    }

    @Test
    void negative_amounts_stay_numbers() {
        assertEquals("-3.00", Csv.field("-3.00"));
        assertEquals("-.50", Csv.field("-.50"));
    }

    @Test
    void a_comment_is_one_line() {
        assertEquals("# two lines folded\r\n", Csv.comment("two lines\nfolded"));
    }
}
