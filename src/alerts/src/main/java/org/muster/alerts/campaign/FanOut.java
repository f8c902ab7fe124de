package org.muster.alerts.campaign;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Works through running campaigns batch by batch ({@link FanOutBatch}), on one background
 * thread per instance. Woken after a launch or resume commits; polls every second for work
 * started by other instances. A batch that fails is rolled back whole and tried again.
 */
@ApplicationScoped
public class FanOut {

    private static final Logger LOG = Logger.getLogger(FanOut.class);

    @Inject
    FanOutBatch batch;

    @ConfigProperty(name = "muster.alerts.fan-out.enabled", defaultValue = "true")
    boolean enabled;

    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        running = true;
        worker = new Thread(this::loop, "campaign-fan-out");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wake.release();
    }

    public void wake() {
        wake.release();
    }

    private void loop() {
        while (running) {
            boolean worked = false;
            try {
                List<UUID> campaigns = batch.running();
                for (UUID campaign : campaigns) {
                    worked |= batch.run(campaign) > 0;
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf(e, "fan-out batch failed; it was rolled back and will be tried again");
            }
            if (!worked) {
                try {
                    wake.tryAcquire(1, TimeUnit.SECONDS);
                    wake.drainPermits();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
