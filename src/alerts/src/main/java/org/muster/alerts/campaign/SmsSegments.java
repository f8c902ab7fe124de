package org.muster.alerts.campaign;

/**
 * How an SMS text is encoded and into how many parts it is split (3GPP TS 23.038 / 23.040): GSM-7
 * when every character is in the GSM 03.38 basic table or its extension table (the latter count
 * twice), UCS-2 otherwise (Dari, Pashto...). One part holds 160 GSM-7 characters or 70 UCS-2
 * ones; a concatenated message loses room to its header: 153 and 67 per part.
 */
public final class SmsSegments {

    public enum Encoding { GSM_7, UCS_2 }

    public record Result(Encoding encoding, int units, int segments) {
    }

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f^{}\\[~]|€";

    private SmsSegments() {
    }

    public static Result of(String text) {
        int septets = 0;
        boolean gsm = true;
        for (int i = 0; i < text.length() && gsm; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x10000 && BASIC.indexOf(cp) >= 0) {
                septets += 1;
            } else if (cp < 0x10000 && EXTENSION.indexOf(cp) >= 0) {
                septets += 2;
            } else {
                gsm = false;
            }
        }
        if (gsm) {
            return new Result(Encoding.GSM_7, septets, segments(septets, 160, 153));
        }
        // UCS-2 counts UTF-16 code units: a character outside the BMP (an emoji) takes two.
        int units = text.length();
        return new Result(Encoding.UCS_2, units, segments(units, 70, 67));
    }

    private static int segments(int units, int single, int perPart) {
        if (units == 0) {
            return 0;
        }
        return units <= single ? 1 : (units + perPart - 1) / perPart;
    }
}
