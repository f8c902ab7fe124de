package org.muster.devstack.twilio;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A stand-in for the application's webhook endpoints: records every POST it gets. */
final class WebhookReceiver implements AutoCloseable {

    /** One POST: the URL it was sent to, its form parameters and its X-Twilio-Signature. */
    record Received(String url, Map<String, String> params, String signature, String contentType) {
        String param(String name) {
            return params.get(name);
        }
    }

    static {
        // This JVM's first HttpServer fixes the server-wide TCP_NODELAY setting: the sandbox's must hold.
        System.setProperty(TwilioSandbox.NO_DELAY_PROPERTY, "true");
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch answers = new CountDownLatch(0);

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::record);
        // A thread per request, as an application server answers many webhooks at once.
        server.setExecutor(threads);
        server.start();
    }

    /** Records what arrives but answers nothing until {@link #answer()}, like an application waiting on a commit. */
    void holdAnswers() {
        answers = new CountDownLatch(1);
    }

    /** Answers what was held, and from now on at once. */
    void answer() {
        answers.countDown();
    }

    URI url(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** What arrived at this path (query ignored), oldest first. */
    List<Received> receivedAt(String path) {
        return received.stream().filter(r -> URI.create(r.url()).getPath().equals(path)).toList();
    }

    /** Values of one parameter across what arrived at this path, oldest first. */
    List<String> values(String path, String param) {
        return receivedAt(path).stream().map(r -> r.param(param)).toList();
    }

    @Override
    public void close() {
        answer();
        server.stop(0);
        threads.shutdownNow();
    }

    private void record(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        received.add(new Received(url, decode(body), exchange.getRequestHeaders().getFirst("X-Twilio-Signature"),
                exchange.getRequestHeaders().getFirst("Content-Type")));
        try {
            answers.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    private static Map<String, String> decode(String form) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }
}
