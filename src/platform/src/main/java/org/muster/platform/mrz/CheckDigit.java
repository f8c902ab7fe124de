package org.muster.platform.mrz;

/**
 * ICAO Doc 9303 check digit: characters are weighted 7, 3, 1 repeating; digits count as themselves,
 * {@code A}..{@code Z} as 10..35 and the filler {@code <} as 0; the check digit is the sum modulo 10.
 */
public final class CheckDigit {

    private static final int[] WEIGHTS = {7, 3, 1};

    private CheckDigit() {
    }

    /**
     * @param data characters from {@code [0-9A-Z<]}
     * @return the check digit, 0..9
     * @throws IllegalArgumentException if {@code data} holds any other character
     */
    public static int of(String data) {
        int sum = 0;
        for (int i = 0; i < data.length(); i++) {
            sum += valueOf(data.charAt(i)) * WEIGHTS[i % 3];
        }
        return sum % 10;
    }

    /** The numeric value 9303 assigns to one MRZ character. */
    public static int valueOf(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        if (c == '<') {
            return 0;
        }
        throw new IllegalArgumentException("'" + c + "' cannot appear in a machine readable zone");
    }
}
