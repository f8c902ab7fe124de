package org.muster.notifier.sending;

/**
 * How an SMS body is encoded and how many segments it is billed as (GSM 03.38): GSM-7 fits 160 septets in one
 * segment and 153 per concatenated segment, extension characters taking two septets; any other character makes
 * the whole message UCS-2, 70 UTF-16 units alone, 67 per concatenated segment, surrogate pairs kept together.
 */
public final class SmsEncoding {

    public static final String GSM7 = "GSM-7";
    public static final String UCS2 = "UCS-2";

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f^{}\\[~]|€";

    /** The encoding label and segment count of {@code body}. */
    public record Count(String encoding, int segments) {
    }

    private SmsEncoding() {
    }

    public static Count of(String body) {
        boolean gsm = body.chars().allMatch(c -> BASIC.indexOf(c) >= 0 || EXTENSION.indexOf(c) >= 0);
        int[] units = gsm
                ? body.chars().map(c -> EXTENSION.indexOf(c) >= 0 ? 2 : 1).toArray()
                : body.codePoints().map(Character::charCount).toArray();
        int single = gsm ? 160 : 70;
        int perPart = gsm ? 153 : 67;
        int total = 0;
        for (int unit : units) {
            total += unit;
        }
        if (total <= single) {
            return new Count(gsm ? GSM7 : UCS2, 1);
        }
        int segments = 1;
        int used = 0;
        for (int unit : units) {
            if (used + unit > perPart) {
                segments++;
                used = 0;
            }
            used += unit;
        }
        return new Count(gsm ? GSM7 : UCS2, segments);
    }
}
