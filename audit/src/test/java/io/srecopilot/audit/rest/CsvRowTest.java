package io.srecopilot.audit.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Cells a spreadsheet would run are defused; quoting follows RFC 4180. */
class CsvRowTest {

    @Test
    void cellsThatASpreadsheetWouldRunStartWithAQuoteMark() {
        for (String formula : new String[] { "=1+1", "+1", "-1", "@SUM(A1)", "\t=1+1", "\uFF1D1+1" }) {
            assertEquals("'" + formula + "\n", CsvRow.of(formula), formula);
        }
        assertEquals("\"'\r=1+1\"\n", CsvRow.of("\r=1+1"), "a leading carriage return is defused and quoted");
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"\n", CsvRow.of("=HYPERLINK(\"http://x\")"));
    }

    @Test
    void ordinaryCellsAreLeftAsTheyAreAndSpecialCharactersQuoted() {
        assertEquals("a,1 = 1,,x\n", CsvRow.of("a", "1 = 1", null, "x"));
        assertEquals("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\n", CsvRow.of("a,b", "say \"hi\"", "two\nlines"));
    }
}
