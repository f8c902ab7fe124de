package org.muster.platform.mrz;

/** Test-side MRZ formatter: pads the fields and computes every check digit itself. */
final class MrzWriter {

    private MrzWriter() {
    }

    static String pad(String s, int length) {
        if (s.length() > length) {
            throw new IllegalArgumentException(s + " is longer than " + length);
        }
        return s + "<".repeat(length - s.length());
    }

    static String nameField(String surname, String givenNames, int length) {
        String field = surname.replace(' ', '<') + (givenNames.isEmpty() ? "" : "<<" + givenNames.replace(' ', '<'));
        return pad(field, length);
    }

    static char digit(String data) {
        return (char) ('0' + CheckDigit.of(data));
    }

    /** Two TD3 lines; {@code birth} and {@code expiry} are raw YYMMDD. */
    static String td3(String code, String state, String surname, String givenNames, String number,
                      String nationality, String birth, char sex, String expiry, String personal) {
        String line1 = pad(code, 2) + state + nameField(surname, givenNames, 39);
        String num = pad(number, 9);
        String pers = pad(personal, 14);
        String body = num + digit(num) + pad(nationality, 3) + birth + digit(birth) + sex + expiry + digit(expiry)
                + pers + digit(pers);
        String composite = body.substring(0, 10) + body.substring(13, 20) + body.substring(21, 43);
        return line1 + "\n" + body + digit(composite);
    }

    /** Three TD1 lines; a document number longer than 9 continues in the line 1 optional data. */
    static String td1(String code, String state, String number, String optional1, String birth, char sex,
                      String expiry, String nationality, String optional2, String surname, String givenNames) {
        String numberPart;
        if (number.length() <= 9) {
            String num = pad(number, 9);
            numberPart = num + digit(num) + pad(optional1, 15);
        } else {
            numberPart = number.substring(0, 9) + "<" + pad(number.substring(9) + digit(number) + "<" + optional1, 15);
        }
        String line1 = pad(code, 2) + state + numberPart;
        String body2 = birth + digit(birth) + sex + expiry + digit(expiry) + pad(nationality, 3) + pad(optional2, 11);
        String composite = line1.substring(5, 30) + body2.substring(0, 7) + body2.substring(8, 15)
                + body2.substring(18, 29);
        return line1 + "\n" + body2 + digit(composite) + "\n" + nameField(surname, givenNames, 30);
    }

    /** Replaces the character at a 0-based position of the given 0-based line. */
    static String replaceAt(String mrz, int line, int position, char replacement) {
        String[] lines = mrz.split("\n");
        StringBuilder sb = new StringBuilder(lines[line]);
        sb.setCharAt(position, replacement);
        lines[line] = sb.toString();
        return String.join("\n", lines);
    }

    /** A different digit whose difference is not a multiple of 10, i.e. any other digit. */
    static char otherDigit(char c) {
        return (char) ('0' + (c - '0' + 1) % 10);
    }
}
