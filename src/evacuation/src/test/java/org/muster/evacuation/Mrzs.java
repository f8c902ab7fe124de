package org.muster.evacuation;

import org.muster.platform.mrz.CheckDigit;

/** ICAO 9303 specimens, and passports written for test people with correct check digits. */
public final class Mrzs {

    /** The ICAO 9303 part 4 TD3 specimen: ERIKSSON, ANNA MARIA, L898902C3, born 1974-08-12. */
    public static final String TD3_SPECIMEN = """
            P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<
            L898902C36UTO7408122F1204159ZE184226B<<<<<10""";

    /** The ICAO 9303 part 5 TD1 specimen: same person, ID card D23145890. */
    public static final String TD1_SPECIMEN = """
            I<UTOD231458907<<<<<<<<<<<<<<<
            7408122F1204159UTO<<<<<<<<<<<6
            ERIKSSON<<ANNA<MARIA<<<<<<<<<<""";

    private Mrzs() {
    }

    /** A TD3 passport zone with every check digit right and no personal number. */
    public static String td3(String state, String surname, String given, String number, String birth, char sex,
                             String expiry) {
        String names = pad(surname.replace(' ', '<') + "<<" + given.replace(' ', '<'), 39);
        String line1 = "P<" + state + names;
        String num = pad(number, 9);
        String head = num + CheckDigit.of(num) + state + birth + CheckDigit.of(birth) + sex + expiry
                + CheckDigit.of(expiry) + "<".repeat(14) + "<";
        String composite = head.substring(0, 10) + head.substring(13, 20) + head.substring(21, 43);
        return line1 + "\n" + head + CheckDigit.of(composite);
    }

    /** A TD1 identity card zone (3 lines of 30) with every check digit right and no optional data. */
    public static String td1(String state, String surname, String given, String number, String birth, char sex,
                             String expiry) {
        String num = pad(number, 9);
        String line1 = "I<" + state + num + CheckDigit.of(num) + "<".repeat(15);
        String head = birth + CheckDigit.of(birth) + sex + expiry + CheckDigit.of(expiry) + state + "<".repeat(11);
        String composite = line1.substring(5, 30) + head.substring(0, 7) + head.substring(8, 15) + head.substring(18, 29);
        String line3 = pad(surname.replace(' ', '<') + "<<" + given.replace(' ', '<'), 30);
        return line1 + "\n" + head + CheckDigit.of(composite) + "\n" + line3;
    }

    /** The zone with the character at {@code index} of line {@code line} (0-based) replaced by another digit. */
    public static String corrupt(String mrz, int line, int index) {
        String[] lines = mrz.split("\n");
        char[] chars = lines[line].toCharArray();
        chars[index] = chars[index] == '1' ? '2' : '1';
        lines[line] = new String(chars);
        return String.join("\n", lines);
    }

    /** The TD3 specimen with the character at {@code index} of line 2 replaced. */
    public static String corruptLine2(String mrz, int index, char replacement) {
        String[] lines = mrz.split("\n");
        char[] line2 = lines[1].toCharArray();
        line2[index] = replacement;
        return lines[0] + "\n" + new String(line2);
    }

    private static String pad(String s, int length) {
        return (s + "<".repeat(length)).substring(0, length);
    }
}
