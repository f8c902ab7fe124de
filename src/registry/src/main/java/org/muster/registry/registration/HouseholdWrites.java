package org.muster.registry.registration;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.muster.platform.problem.Problem;
import org.muster.platform.problem.ProblemException;
import org.muster.registry.audit.AuditLog;
import org.muster.registry.national.National;
import org.muster.registry.national.NationalSnapshots;
import org.muster.registry.national.NewNationals;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes new households in groups: the households waiting when a writer is free go into one
 * transaction, with one statement or JDBC batch per table for all of them, and each request
 * returns once that transaction committed. In a crisis thousands register at once; a transaction
 * and its statements per household were most of what a registration cost PostgreSQL and the
 * connection pool. A group that fails (a document or an idempotency key taken by a concurrent
 * request, which only the database's unique constraints see) is written again one household per
 * transaction, so that only the household at fault gets the failure, as it would have alone.
 */
@ApplicationScoped
public class HouseholdWrites {

    @Inject
    EntityManager entityManager;

    @Inject
    NationalSnapshots snapshots;

    @Inject
    AuditLog audit;

    /** At most this many households in one transaction. */
    @ConfigProperty(name = "muster.registration.group-size", defaultValue = "32")
    int groupSize;

    /** Transactions writing groups at once. */
    @ConfigProperty(name = "muster.registration.writers", defaultValue = "2")
    int writers;

    private record Waiting(NewHousehold household, CompletableFuture<Void> written) {
    }

    private final BlockingQueue<Waiting> waiting = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    void start(@Observes StartupEvent event) {
        running = true;
        for (int i = 0; i < writers; i++) {
            Thread writer = new Thread(this::loop, "registration-writer-" + i);
            writer.setDaemon(true);
            writer.start();
            threads.add(writer);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Waiting w; (w = waiting.poll()) != null; ) {
            w.written().completeExceptionally(stopping());
        }
    }

    /** Nothing was written: the client may send the same request again (with its Idempotency-Key). */
    private static ProblemException stopping() {
        return new ProblemException(Problem.of("stopping", "The registry is restarting", 503,
                "Nothing was registered. Send the same registration again in a moment."));
    }

    /** Writes {@code household} and returns once it is committed; throws what its transaction failed with. */
    void write(NewHousehold household) {
        if (!running) {
            throw stopping();
        }
        Waiting w = new Waiting(household, new CompletableFuture<>());
        waiting.add(w);
        if (!running && waiting.remove(w)) {
            // Stopped between the check and the queue: no writer will take it.
            throw stopping();
        }
        try {
            w.written().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the household was written", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private void loop() {
        List<Waiting> group = new ArrayList<>();
        while (running) {
            group.clear();
            try {
                Waiting first = waiting.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
            } catch (InterruptedException e) {
                return;
            }
            waiting.drainTo(group, groupSize - 1);
            List<Throwable> failures = writeGroup(group.stream().map(Waiting::household).toList());
            for (int i = 0; i < group.size(); i++) {
                if (failures.get(i) == null) {
                    group.get(i).written().complete(null);
                } else {
                    group.get(i).written().completeExceptionally(failures.get(i));
                }
            }
        }
    }

    /**
     * Writes the households in one transaction; if it fails, each in a transaction of its own.
     *
     * @return for each household, null if it was written, otherwise what its own transaction failed with
     */
    List<Throwable> writeGroup(List<NewHousehold> households) {
        List<Throwable> failures = new ArrayList<>();
        try {
            QuarkusTransaction.requiringNew().run(() -> insert(households));
            households.forEach(h -> failures.add(null));
            return failures;
        } catch (Throwable e) {
            if (households.size() == 1) {
                failures.add(e);
                return failures;
            }
        }
        for (NewHousehold h : households) {
            try {
                QuarkusTransaction.requiringNew().run(() -> insert(List.of(h)));
                failures.add(null);
            } catch (Throwable alone) {
                // Whatever it is, the request waiting for it hears of it: none waits for ever.
                failures.add(alone);
            }
        }
        return failures;
    }

    /**
     * The households and their idempotency keys (two statements), their people, documents and
     * contact points (a JDBC batch per table), their snapshots (one outbox statement) and audit
     * entries (one statement per household: each names its household).
     */
    private void insert(List<NewHousehold> households) {
        List<National> people = new ArrayList<>();
        List<String> traceParents = new ArrayList<>();
        households.forEach(h -> {
            people.addAll(h.people());
            h.people().forEach(p -> traceParents.add(h.traceParent()));
        });
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement household = connection.prepareStatement(
                    "INSERT INTO household (id, created_at) VALUES (?, ?)")) {
                for (NewHousehold h : households) {
                    household.setObject(1, h.id());
                    household.setObject(2, OffsetDateTime.ofInstant(h.at(), ZoneOffset.UTC));
                    household.addBatch();
                }
                household.executeBatch();
            }
            if (households.stream().anyMatch(h -> h.idempotencyKey() != null)) {
                try (PreparedStatement key = connection.prepareStatement(
                        "INSERT INTO registration_request (idempotency_key, request_hash, household_id, created_at) "
                                + "VALUES (?, ?, ?, ?)")) {
                    for (NewHousehold h : households) {
                        if (h.idempotencyKey() != null) {
                            key.setString(1, h.idempotencyKey());
                            key.setString(2, h.requestHash());
                            key.setObject(3, h.id());
                            key.setObject(4, OffsetDateTime.ofInstant(h.at(), ZoneOffset.UTC));
                            key.addBatch();
                        }
                    }
                    key.executeBatch();
                }
            }
            NewNationals.insert(connection, people);
        });
        snapshots.publishAll(people, traceParents);
        for (NewHousehold h : households) {
            audit.recordAll(h.actor(), AuditLog.Action.REGISTERED, h.people().stream().map(p -> p.id).toList(),
                    "household " + h.id());
        }
    }
}
