package org.muster.registry.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.muster.registry.transfer.ImportSummary;
import org.muster.registry.transfer.NationalImport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The demo crisis behind {@code make run}: 78 nationals in 25 households across five Afghan
 * provinces, with family members of Afghan nationality, vulnerabilities and five languages
 * ({@code demo/nationals.csv}). Loaded through the CSV import, which is idempotent by external
 * id, so a restart changes nothing and a record erased in the demo stays erased only until the
 * next start. Off unless {@code muster.demo.seed} is true; never set it in production.
 */
@ApplicationScoped
public class DemoCrisis {

    private static final Logger LOG = Logger.getLogger(DemoCrisis.class);
    static final String ACTOR = "demo-seed";

    @ConfigProperty(name = "muster.demo.seed", defaultValue = "false")
    boolean seed;

    @Inject
    NationalImport imports;

    void onStart(@Observes StartupEvent start) {
        if (seed) {
            ImportSummary summary = imports.importCsv(csv(), ACTOR);
            LOG.infof("demo crisis: %d nationals imported, %d unchanged, %d rejected",
                    summary.imported(), summary.unchanged(), summary.rejected().size());
        }
    }

    static String csv() {
        try (InputStream in = DemoCrisis.class.getResourceAsStream("/demo/nationals.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
