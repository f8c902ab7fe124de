package org.muster.notifier.replies;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.muster.contracts.common.ReplyKeyword;

/**
 * The keywords recognised in replies, in English, French, German, Dari and Pashto (the list is in the README).
 * A reply matches if its whole text, or its first word, is a keyword once case, accents, punctuation and the
 * Arabic-script letter variants (Arabic and Persian yeh and kaf) are set aside.
 */
public final class ReplyKeywords {

    private static final Map<String, ReplyKeyword> KEYWORDS = new HashMap<>();

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
        int space = normalised.indexOf(' ');
        return space > 0 ? KEYWORDS.getOrDefault(normalised.substring(0, space), ReplyKeyword.NONE)
                : ReplyKeyword.NONE;
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
