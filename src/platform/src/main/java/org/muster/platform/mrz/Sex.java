package org.muster.platform.mrz;

/** Sex as recorded in the MRZ; {@code X} and {@code <} both mean unspecified. */
public enum Sex {
    MALE,
    FEMALE,
    UNSPECIFIED;

    static Sex fromCode(char code) {
        return switch (code) {
            case 'M' -> MALE;
            case 'F' -> FEMALE;
            case 'X', '<' -> UNSPECIFIED;
            default -> null;
        };
    }
}
