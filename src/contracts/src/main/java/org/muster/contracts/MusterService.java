package org.muster.contracts;

import java.util.Arrays;
import java.util.Locale;

/** The services that produce events, with their CloudEvents {@code source} and type segment. */
public enum MusterService {
    REGISTRY,
    ALERTS,
    NOTIFIER,
    EVACUATION,
    PARTNERS;

    /** Lower-case id used in event types ({@code org.muster.<id>.<Event>.v1}) and sources. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The CloudEvents {@code source} of this service's events: {@code /muster/<id>}. */
    public String source() {
        return CloudEventHeaders.SOURCE_PREFIX + id();
    }

    /** The CloudEvents type of version 1 of {@code eventName} produced by this service. */
    public String type(String eventName) {
        return CloudEventHeaders.type(id(), eventName);
    }

    /** The service whose {@link #id()} is {@code id}. */
    public static MusterService ofId(String id) {
        return Arrays.stream(values())
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown service: " + id));
    }
}
