package org.muster.devstack.twilio;

import java.util.Arrays;

/**
 * How many SMS segments a body takes, by the GSM 03.38 rules carriers bill by.
 *
 * <p>A body entirely in the GSM-7 alphabet fits 160 septets in one segment, 153 per segment once concatenated
 * (the user data header takes the rest); characters of the extension table ({@code ^ { } \ [ ~ ] | €} and form feed)
 * take two septets and are never split across segments. Any other character (Dari, Pashto, Arabic, emoji...) makes
 * the whole message UCS-2: 70 UTF-16 units in one segment, 67 per concatenated segment, surrogate pairs kept together.
 */
final class SmsSegments {

    enum Encoding {
        GSM7("GSM-7", 160, 153), UCS2("UCS-2", 70, 67);

        final String label;
        final int single;
        final int perPart;

        Encoding(String label, int single, int perPart) {
            this.label = label;
            this.single = single;
            this.perPart = perPart;
        }
    }

    record Count(Encoding encoding, int segments) {
    }

    private static final String GSM7_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM7_EXTENSION = "\f^{}\\[~]|€";

    private SmsSegments() {
    }

    static Count count(String body) {
        Encoding encoding = isGsm7(body) ? Encoding.GSM7 : Encoding.UCS2;
        int[] units = characterUnits(body, encoding);
        if (Arrays.stream(units).sum() <= encoding.single) {
            return new Count(encoding, 1);
        }
        int segments = 1;
        int used = 0;
        for (int unit : units) {
            if (used + unit > encoding.perPart) {
                segments++;
                used = 0;
            }
            used += unit;
        }
        return new Count(encoding, segments);
    }

    private static boolean isGsm7(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (GSM7_BASIC.indexOf(c) < 0 && GSM7_EXTENSION.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Per character, the units it takes and must keep together: septets for GSM-7, UTF-16 units for UCS-2. */
    private static int[] characterUnits(String body, Encoding encoding) {
        if (encoding == Encoding.UCS2) {
            return body.codePoints().map(Character::charCount).toArray();
        }
        return body.chars().map(c -> GSM7_EXTENSION.indexOf(c) >= 0 ? 2 : 1).toArray();
    }
}
