package io.srecopilot.audit.rest;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * One CSV line: fields quoted when they hold a comma, quote or line break (RFC 4180), and cells
 * that a spreadsheet would run as a formula prefixed with a quote mark: those starting with =, +, -,
 * @, a tab or a carriage return (OWASP's list: spreadsheets skip the last two and read what follows),
 * and the full-width forms of the first four, which some spreadsheets fold into them.
 */
final class CsvRow {

    private static final String FORMULA_STARTS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";

    private CsvRow() {
    }

    static String of(Object... fields) {
        return Arrays.stream(fields).map(CsvRow::cell).collect(Collectors.joining(",")) + "\n";
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
