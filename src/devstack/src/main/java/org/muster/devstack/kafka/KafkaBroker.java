package org.muster.devstack.kafka;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A real single-node Kafka broker in KRaft mode, running in this JVM.
 *
 * <p>The broker's version must match the kafka-clients that Quarkus brings (the parent pom pins
 * both), since they share one class path.
 */
public final class KafkaBroker implements AutoCloseable {

    private final KafkaRaftServer server;
    private final int port;
    private final Path logDir;
    private final boolean deleteOnClose;

    private KafkaBroker(KafkaRaftServer server, int port, Path logDir, boolean deleteOnClose) {
        this.server = server;
        this.port = port;
        this.logDir = logDir;
        this.deleteOnClose = deleteOnClose;
    }

    /**
     * Starts the broker.
     *
     * @param port   0 for a free port
     * @param logDir null for a temporary directory deleted at stop; otherwise kept between runs
     */
    public static KafkaBroker start(int port, Path logDir) {
        // Kafka loads plugins by name through the context class loader. Under a Quarkus test that
        // loader is not the one that loaded Kafka, and the classes would not match.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(KafkaBroker.class.getClassLoader());
        try {
            return startWithContextLoader(port, logDir);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static KafkaBroker startWithContextLoader(int port, Path logDir) {
        try {
            boolean temporary = logDir == null;
            Path dir = temporary ? Files.createTempDirectory("muster-kafka") : logDir;
            Files.createDirectories(dir);
            int brokerPort = port > 0 ? port : freePort();
            int controllerPort = freePort();

            Properties props = new Properties();
            props.put("process.roles", "broker,controller");
            props.put("node.id", "1");
            props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
            props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
            props.put("inter.broker.listener.name", "PLAINTEXT");
            props.put("controller.listener.names", "CONTROLLER");
            props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            props.put("log.dirs", dir.resolve("data").toString());
            props.put("num.partitions", "4");
            props.put("offsets.topic.replication.factor", "1");
            props.put("offsets.topic.num.partitions", "4");
            props.put("transaction.state.log.replication.factor", "1");
            props.put("transaction.state.log.min.isr", "1");
            props.put("share.coordinator.state.topic.replication.factor", "1");
            props.put("share.coordinator.state.topic.min.isr", "1");
            props.put("group.initial.rebalance.delay.ms", "0");
            props.put("auto.create.topics.enable", "true");

            Path config = dir.resolve("server.properties");
            try (var out = Files.newOutputStream(config)) {
                props.store(out, "Muster local Kafka broker");
            }
            // The controller port changes between runs, so the quorum config is rewritten each
            // time; --ignore-formatted keeps the data of a kept log directory.
            Path clusterIdFile = dir.resolve("cluster.id");
            String clusterId = Files.exists(clusterIdFile)
                    ? Files.readString(clusterIdFile).trim()
                    : Uuid.randomUuid().toString();
            Files.writeString(clusterIdFile, clusterId);
            ByteArrayOutputStream toolOutput = new ByteArrayOutputStream();
            // StorageTool.main would exit the JVM; execute returns instead.
            StorageTool.execute(new String[]{"format", "-t", clusterId, "-c", config.toString(),
                    "--ignore-formatted"}, new PrintStream(toolOutput, true, StandardCharsets.UTF_8));

            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            return new KafkaBroker(server, brokerPort, dir, temporary);
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka did not start", e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not start", e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        if (deleteOnClose) {
            deleteRecursively(logDir);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary directory left behind is harmless.
        }
    }
}
