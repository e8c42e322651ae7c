package io.portbroker.core.admin;

import java.nio.charset.StandardCharsets;

/**
 * An admin answer sent as {@code text/csv} instead of JSON (cost exports). Cells that a spreadsheet would run as a
 * formula ({@code = + - @}) are prefixed with an apostrophe.
 *
 * @param text the CSV document
 */
record CsvBody(String text) {

    byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** One CSV cell: quoted when it holds a comma, quote or line break; formula-looking text defused. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?[0-9.]+")) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
