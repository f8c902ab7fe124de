package org.muster.platform.mrz;

import java.util.Objects;

/** One reason a scanned machine readable zone was rejected. */
public sealed interface Problem permits Problem.Malformed, Problem.WrongCheckDigit, Problem.InvalidField {

    /** A sentence for the officer's screen. */
    String message();

    /** The text is not shaped like an MRZ at all: wrong line count or length, or characters outside {@code [A-Z0-9<]}. */
    record Malformed(String message) implements Problem {
        public Malformed {
            Objects.requireNonNull(message);
        }
    }

    /** A check digit does not match the data it protects. {@code found} is the character read in its place. */
    record WrongCheckDigit(CheckedField field, char found, int expected) implements Problem {
        public WrongCheckDigit {
            Objects.requireNonNull(field);
        }

        @Override
        public String message() {
            return field.advice();
        }
    }

    /** A field holds a value 9303 does not allow, e.g. a 31st of February or a sex of {@code Q}. */
    record InvalidField(MrzField field, String value, String reason) implements Problem {
        public InvalidField {
            Objects.requireNonNull(field);
            Objects.requireNonNull(value);
            Objects.requireNonNull(reason);
        }

        @Override
        public String message() {
            return reason + " (read \"" + value + "\")";
        }
    }
}
