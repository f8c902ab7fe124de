package org.muster.registry.transfer;

import java.util.List;

/**
 * The answer to an import.
 *
 * @param imported  rows that became new records
 * @param unchanged rows imported before with the same values: nothing was done
 * @param rejected  what was wrong with each row not imported, one entry per column at fault
 */
public record ImportSummary(int imported, int unchanged, List<Rejected> rejected) {

    /** A column at fault in a row; {@code line} counts from the header, line 1. */
    public record Rejected(long line, String field, String message) {
    }
}
