package org.muster.platform.mrz;

import java.util.List;
import java.util.Objects;

/** The outcome of {@link Mrz#parse(String)}. */
public sealed interface MrzResult permits MrzResult.Valid, MrzResult.Invalid {

    default boolean isValid() {
        return this instanceof Valid;
    }

    record Valid(MrzDocument document) implements MrzResult {
        public Valid {
            Objects.requireNonNull(document);
        }
    }

    /** Never empty. */
    record Invalid(List<Problem> problems) implements MrzResult {
        public Invalid {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an invalid result needs at least one problem");
            }
        }

        /** The check digits that failed, in the order they appear in the zone. */
        public List<CheckedField> failedChecks() {
            return problems.stream()
                    .filter(Problem.WrongCheckDigit.class::isInstance)
                    .map(p -> ((Problem.WrongCheckDigit) p).field())
                    .toList();
        }
    }
}
