package org.muster.devstack.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Small helpers for answering a {@link HttpExchange}. */
final class Exchanges {

    private Exchanges() {
    }

    static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    static void json(HttpExchange exchange, int status, JsonNode body, ObjectMapper json) throws IOException {
        send(exchange, status, "application/json; charset=utf-8", json.writeValueAsBytes(body));
    }

    static void html(HttpExchange exchange, String page) throws IOException {
        send(exchange, 200, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    static void error(HttpExchange exchange, TwilioApiError error, ObjectMapper json) throws IOException {
        if (error.retryAfterSeconds > 0) {
            exchange.getResponseHeaders().set("Retry-After", String.valueOf(error.retryAfterSeconds));
        }
        json(exchange, error.httpStatus, error.toJson(json), json);
    }

    static void empty(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        empty(exchange, 303);
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
