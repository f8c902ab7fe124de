package org.muster.evacuation.checkin;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Names compared the way an MRZ writes them: upper case, accents stripped, the letters 9303
 * transliterates spelled out, and every separator dropped, so "Anna-Maria Eriksson" is the
 * passport's ERIKSSON / ANNA MARIA.
 */
final class PassengerNames {

    private PassengerNames() {
    }

    static String compact(String text) {
        if (text == null) {
            return "";
        }
        String upper = text.toUpperCase(Locale.ROOT)
                .replace("ß", "SS").replace("ẞ", "SS")
                .replace("Æ", "AE").replace("Ø", "OE").replace("Œ", "OE")
                .replace("Ł", "L").replace("Đ", "D").replace("Ð", "D").replace("Þ", "TH");
        String stripped = Normalizer.normalize(upper, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return stripped.replaceAll("[^A-Z0-9]", "");
    }

    /** Whether a display name ("given names family name") is the person the MRZ names. */
    static boolean sameAs(String displayName, String mrzGivenNames, String mrzSurname) {
        String name = compact(displayName);
        return !name.isEmpty() && name.equals(compact(mrzGivenNames + " " + mrzSurname));
    }
}
