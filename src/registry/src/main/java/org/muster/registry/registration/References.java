package org.muster.registry.registration;

import java.security.SecureRandom;

/**
 * References a person can read out on a bad phone line: {@code MST-} and eight characters of
 * Crockford's base 32 (no I, L, O or U, which are misheard or misread).
 */
public final class References {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private References() {
    }

    public static String next() {
        StringBuilder reference = new StringBuilder("MST-");
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                reference.append('-');
            }
            reference.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return reference.toString();
    }
}
