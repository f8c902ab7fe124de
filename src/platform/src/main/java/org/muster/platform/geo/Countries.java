package org.muster.platform.geo;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes, as the JDK knows them ({@link Locale#getISOCountries()}). */
public final class Countries {

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    private Countries() {
    }

    /** Whether {@code code} is exactly an assigned alpha-2 code, upper case ({@code AF}, not {@code af}). */
    public static boolean isValid(String code) {
        return code != null && CODES.contains(code);
    }

    /** {@code " af "} becomes {@code AF}; empty if it is not an assigned alpha-2 code. */
    public static Optional<String> normalise(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String upper = code.strip().toUpperCase(Locale.ROOT);
        return isValid(upper) ? Optional.of(upper) : Optional.empty();
    }

    /** All assigned alpha-2 codes. */
    public static Set<String> all() {
        return CODES;
    }
}
