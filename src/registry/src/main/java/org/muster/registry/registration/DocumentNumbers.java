package org.muster.registry.registration;

import java.util.Locale;

/** Document numbers as the registry compares them: upper case, without spaces or dashes. */
public final class DocumentNumbers {

    private DocumentNumbers() {
    }

    public static String normalise(String number) {
        return number.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
