package org.muster.platform.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure to reach the database (PostgreSQL restarting or failing over, the network
 * between, a pool with no connection to give) from a failure of the request itself: the first is
 * worth retrying in a moment, and answers 503 with Retry-After rather than 500.
 */
public final class DatabaseOutages {

    /** PostgreSQL going away or refusing connections for now: admin and crash shutdown, cannot connect now, too many connections. */
    private static final Set<String> UNAVAILABLE = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseOutages() {
    }

    /** Whether {@code failure}, or anything it wraps, says the database could not be reached. */
    public static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof org.hibernate.exception.JDBCConnectionException || cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                // Class 08: connection exceptions (refused, reset, lost during the statement).
                if (state != null && (state.startsWith("08") || UNAVAILABLE.contains(state))) {
                    return true;
                }
                // The pool's own: no connection came free (or could be opened) within its acquisition timeout.
                if (state == null && sql.getCause() instanceof TimeoutException) {
                    return true;
                }
            }
        }
        return false;
    }
}
