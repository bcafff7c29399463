package coop.tally.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvTest {

    @Test
    void plain_fields_are_joined_by_commas_and_rows_end_in_crlf() {
        assertEquals("a,b,\r\n", new Csv().row("a", "b", null).toString());
    }

    @Test
    void commas_quotes_and_line_breaks_are_quoted_with_quotes_doubled() {
        assertEquals("\"Smith, Jo\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n",
                new Csv().row("Smith, Jo", "say \"hi\"", "two\nlines").toString());
    }

    @Test
    void text_a_spreadsheet_would_run_as_a_formula_is_defused() {
        assertEquals("'=1+2,'+1,'-2,'@SUM(A1),'\tx\r\n", new Csv().row("=1+2", "+1", "-2", "@SUM(A1)", "\tx").toString());
    }

    @Test
    void numbers_are_written_as_they_are_a_negative_one_included() {
        assertEquals("-12.50,42\r\n", new Csv().row(Csv.number("-12.50"), Csv.number(42L)).toString());
    }

    @Test
    void unicode_names_pass_through_unchanged() {
        assertEquals("Zoë Ångström,李小龙\r\n", new Csv().row("Zoë Ångström", "李小龙").toString());
    }
}
