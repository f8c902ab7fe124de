package org.muster.platform.inbox;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Tells a failure of the database (which passes: try the same event again) from a failure of the
 * event (which does not: it belongs in the dead-letter topic). A citizen's HELP that arrives while
 * PostgreSQL restarts must wait for it, not be dead-lettered.
 */
public final class TransientFailures {

    /**
     * SQLSTATE classes that say nothing about the event: connection exception (08), invalid
     * authorization (28: the server is up but refuses this service, an operator's problem),
     * transaction rollback (40: serialization failure, deadlock), insufficient resources (53),
     * operator intervention (57: shutdown, cannot connect now), system error (58).
     */
    private static final Set<String> DATABASE_CLASSES = Set.of("08", "28", "40", "53", "57", "58");

    private TransientFailures() {
    }

    /** True if {@code failure}, or anything it was caused by, is the database's and not the event's. */
    public static boolean isTransient(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // The connection pool's own exceptions (acquisition timeout) carry no SQLSTATE;
                // every error the server sends does.
                if (state == null || state.length() < 2 || DATABASE_CLASSES.contains(state.substring(0, 2))) {
                    return true;
                }
            }
        }
        return false;
    }
}
