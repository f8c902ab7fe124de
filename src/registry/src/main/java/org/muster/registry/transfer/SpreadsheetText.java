package org.muster.registry.transfer;

/**
 * Free text in an export is opened in spreadsheets, where a cell starting with = + - or @ is a
 * formula: a self-registered name like {@code =HYPERLINK(...)} would run on a consular PC. Such
 * text is written with a leading apostrophe, which spreadsheets show as text, and read back
 * without it, so an export re-imports unchanged.
 */
final class SpreadsheetText {

    private SpreadsheetText() {
    }

    static String guard(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return startsLikeFormula(text) ? "'" + text : text;
    }

    static String unguard(String text) {
        if (text != null && text.length() > 1 && text.charAt(0) == '\'' && startsLikeFormula(text.substring(1))) {
            return text.substring(1);
        }
        return text;
    }

    private static boolean startsLikeFormula(String text) {
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
