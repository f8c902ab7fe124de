package org.muster.platform.geo;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;

/**
 * BCP 47 language tags, checked by a {@link Locale#forLanguageTag(String)} round trip: a tag is well formed when
 * the JDK reads it back to the same tag (ignoring case) and it names a language with an ISO 639 (2 or 3 letter)
 * code; the 4 to 8 letter language subtags BCP 47 reserves are refused.
 *
 * <p>For Afghanistan: Dari is {@code prs} (or {@code fa-AF}), Pashto {@code ps}.
 */
public final class Languages {

    private Languages() {
    }

    /** Whether {@code tag} is a well-formed BCP 47 tag naming a language, e.g. {@code en}, {@code fa-AF}, {@code prs}. */
    public static boolean isWellFormed(String tag) {
        return normalise(tag).isPresent();
    }

    /** The canonical casing of a well-formed tag ({@code FA-af} becomes {@code fa-AF}); empty otherwise. */
    public static Optional<String> normalise(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String trimmed = tag.strip();
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(trimmed).build();
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
        String roundTrip = Locale.forLanguageTag(trimmed).toLanguageTag();
        int languageLength = locale.getLanguage().length();
        if (languageLength < 2 || languageLength > 3 || !roundTrip.equalsIgnoreCase(trimmed)) {
            return Optional.empty();
        }
        return Optional.of(roundTrip);
    }
}
