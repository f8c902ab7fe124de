package org.muster.devstack;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the services of the local stack export their traces (OTLP over HTTP, {@code POST /v1/traces}):
 * it answers each export as a collector does and keeps only a count of them. Without it a packaged
 * service would export to a collector that is not there and log each failure. To look at the traces,
 * run a collector (Jaeger, for one) and set {@code QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} before
 * {@code make run}: the services are then pointed there instead.
 */
public final class TraceSink implements AutoCloseable {

    private final HttpServer server;
    private final AtomicLong exports = new AtomicLong();

    public TraceSink() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("the trace sink cannot listen", e);
        }
        server.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
            }
            if ("POST".equals(exchange.getRequestMethod())) {
                exports.incrementAndGet();
                // An empty ExportTraceServiceResponse: everything accepted.
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
            } else {
                exchange.sendResponseHeaders(405, -1);
            }
            exchange.close();
        });
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "trace-sink");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** The OTLP/HTTP traces endpoint. */
    public URI tracesEndpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces");
    }

    /** Export requests received so far. */
    public long exports() {
        return exports.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
