package org.muster.platform.sql;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Values of native queries' result rows, whose Java types depend on the driver and Hibernate's mapping. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A {@code timestamptz} column: Hibernate hands it back as an Instant, an OffsetDateTime or a Timestamp. */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + value.getClass().getName());
    }
}
