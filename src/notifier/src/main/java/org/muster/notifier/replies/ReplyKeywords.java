package org.muster.notifier.replies;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.muster.contracts.common.ReplyKeyword;

/**
 * The keywords recognised in replies, in English, French, German, Dari and Pashto (the list is in the README),
 * once case, accents, punctuation and the Arabic-script letter variants (Arabic and Persian yeh and kaf) are set
 * aside. A reply is read, in this order:
 * <ol>
 *   <li>its whole text is a keyword: that keyword ("1", "OK", "yes" too);</li>
 *   <li>it asks for help anywhere ("OK but we need help", "safe, my brother needs help"): HELP, since a
 *       call for help read as anything else leaves someone waiting, while one read too eagerly costs a phone
 *       call;</li>
 *   <li>its first word is a keyword that says one thing in a sentence ("Safe - all 4 of us", "stop please"):
 *       that keyword. Words that begin other sentences ("1 child missing", "Yes we left", "Cancel my seat")
 *       count only alone;</li>
 *   <li>otherwise NONE: free text, kept for staff.</li>
 * </ol>
 */
public final class ReplyKeywords {

    private static final Map<String, ReplyKeyword> KEYWORDS = new HashMap<>();
    /** Keywords that count only as the whole reply: as a first word they begin ordinary sentences. */
    private static final Set<String> ALONE_ONLY = Set.of("1", "2", "OK", "YES", "END", "CANCEL", "QUIT", "بس");

    static {
        add(ReplyKeyword.SAFE, "SAFE", "OK", "1", // English; 1 as on the voice keypad
                "SAUF", "EN SECURITE", "SAIN ET SAUF", // French
                "SICHER", "IN SICHERHEIT", // German
                "امن", "سالم", "در امان", // Dari
                "خوندي", "روغ"); // Pashto
        add(ReplyKeyword.HELP, "HELP", "SOS", "2",
                "AIDE", "AU SECOURS",
                "HILFE",
                "کمک",
                "مرسته");
        add(ReplyKeyword.STOP, "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT",
                "ARRET", "ARRETER",
                "STOPP",
                "توقف",
                "ودروه", "بس");
        add(ReplyKeyword.START, "START", "UNSTOP", "YES",
                "DEMARRER", "REPRENDRE",
                "STARTEN",
                "شروع",
                "پیل");
    }

    private ReplyKeywords() {
    }

    public static ReplyKeyword match(String text) {
        if (text == null) {
            return ReplyKeyword.NONE;
        }
        String normalised = normalise(text);
        ReplyKeyword whole = KEYWORDS.get(normalised);
        if (whole != null) {
            return whole;
        }
        String words = " " + normalised + " ";
        boolean asksForHelp = KEYWORDS.entrySet().stream()
                .anyMatch(k -> k.getValue() == ReplyKeyword.HELP && !ALONE_ONLY.contains(k.getKey())
                        && words.contains(" " + k.getKey() + " "));
        if (asksForHelp) {
            return ReplyKeyword.HELP;
        }
        int space = normalised.indexOf(' ');
        if (space <= 0) {
            return ReplyKeyword.NONE;
        }
        // The longest keyword the reply begins with: "EN SECURITE ..." rather than nothing.
        return KEYWORDS.entrySet().stream()
                .filter(k -> !ALONE_ONLY.contains(k.getKey()) && words.startsWith(" " + k.getKey() + " "))
                .max(java.util.Comparator.comparingInt(k -> k.getKey().length()))
                .map(Map.Entry::getValue)
                .orElse(ReplyKeyword.NONE);
    }

    /** The keywords of one meaning, as documented. */
    public static List<String> of(ReplyKeyword keyword) {
        return KEYWORDS.entrySet().stream().filter(e -> e.getValue() == keyword).map(Map.Entry::getKey).sorted()
                .toList();
    }

    static String normalise(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .replace('ي', 'ی').replace('ى', 'ی').replace('ك', 'ک')
                // Persian and Arabic-Indic digits read as the digits they are.
                .replace('۱', '1').replace('۲', '2').replace('١', '1').replace('٢', '2');
        return decomposed.replaceAll("[\\p{P}\\p{S}]+", " ").strip().replaceAll("\\s+", " ")
                .toUpperCase(Locale.ROOT);
    }

    private static void add(ReplyKeyword keyword, String... words) {
        for (String word : words) {
            KEYWORDS.put(normalise(word), keyword);
        }
    }
}
