package org.muster.platform.outbox;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The service's own relay off, so a test can run relays by hand and crash them. */
public class RelayOffProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("muster.outbox.relay.enabled", "false");
    }
}
