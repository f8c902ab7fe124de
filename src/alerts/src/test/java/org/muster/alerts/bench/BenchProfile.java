package org.muster.alerts.bench;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The bench fans out in the production batch size (or {@code -Dbench.batch-size}), not the tests' small one. */
public class BenchProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("muster.alerts.fan-out.batch-size", System.getProperty("bench.batch-size", "1000"));
    }
}
