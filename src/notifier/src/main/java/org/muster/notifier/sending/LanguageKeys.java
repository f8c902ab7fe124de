package org.muster.notifier.sending;

import java.util.Locale;

/** The languages notifier has templates and prompts for; anything else is answered in English. */
public final class LanguageKeys {

    private LanguageKeys() {
    }

    /** {@code en}, {@code fr}, {@code de}, {@code prs} (Dari, also written {@code fa-AF} or {@code fa}) or {@code ps}. */
    public static String of(String tag) {
        if (tag == null) {
            return "en";
        }
        String primary = Locale.forLanguageTag(tag).getLanguage();
        return switch (primary) {
            case "fr", "de", "ps", "prs" -> primary;
            case "fa" -> "prs";
            default -> "en";
        };
    }
}
