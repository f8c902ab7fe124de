package org.muster.platform.inbox;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * An event was not applied because the application is stopping: it must be neither acknowledged
 * nor dead-lettered, so that the next consumer of its partition gets it again.
 */
public class ApplicationStoppingException extends RuntimeException {

    public ApplicationStoppingException(String consumer, Throwable cause) {
        super(consumer + ": not applied, the application is stopping", cause);
    }

    /** True if {@code failure}, or anything it was caused by, is one. */
    public static boolean isCause(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof ApplicationStoppingException) {
                return true;
            }
        }
        return false;
    }
}
