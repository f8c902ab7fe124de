package org.muster.platform.geo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IllformedLocaleException;
import java.util.List;
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

    /**
     * Of the languages a text exists in, the one a reader of {@code preferred} reads best: the
     * RFC 4647 lookup ({@code fa-AF}, then {@code fa}), with Dari's two tags ({@code prs} and
     * {@code fa-AF}) taken as one language, and Persian read by Dari readers and the other way
     * round as a last resort. Case is ignored; the tag answered is spelled as in {@code available}.
     *
     * @return empty when none of {@code available} will do: the caller falls back to its default
     */
    public static Optional<String> bestMatch(String preferred, Collection<String> available) {
        if (preferred == null || preferred.isBlank() || available.isEmpty()) {
            return Optional.empty();
        }
        for (String candidate : lookupChain(preferred.strip())) {
            for (String tag : available) {
                if (tag != null && tag.equalsIgnoreCase(candidate)) {
                    return Optional.of(tag);
                }
            }
        }
        return Optional.empty();
    }

    /** {@code fa-AF} → fa-AF, fa, prs; {@code prs} → prs, fa-AF, fa; {@code zh-Hant-TW} → zh-Hant-TW, zh-Hant, zh. */
    private static List<String> lookupChain(String tag) {
        List<String> chain = new ArrayList<>();
        String truncated = tag;
        while (!truncated.isEmpty()) {
            chain.add(truncated);
            int dash = truncated.lastIndexOf('-');
            truncated = dash < 0 ? "" : truncated.substring(0, dash);
        }
        String primary = chain.get(chain.size() - 1).toLowerCase(Locale.ROOT);
        if (primary.equals("prs")) {
            chain.add("fa-AF");
            chain.add("fa");
        } else if (primary.equals("fa")) {
            chain.add("prs");
        }
        return chain;
    }
}
