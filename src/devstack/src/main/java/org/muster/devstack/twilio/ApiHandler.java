package org.muster.devstack.twilio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST API under {@code /2010-04-01}: create and fetch Messages and Calls, behind HTTP Basic auth with the
 * configured account SID and auth token.
 */
final class ApiHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final Pattern RESOURCE =
            Pattern.compile("/2010-04-01/Accounts/([^/]+)/(Messages|Calls)(?:/([^/]+))?\\.json");

    private final TwilioSandbox.Config config;
    private final SandboxStore store;
    private final Messaging messaging;
    private final Voice voice;
    private final TwilioJson twilioJson;
    private final ObjectMapper json;

    ApiHandler(TwilioSandbox.Config config, SandboxStore store, Messaging messaging, Voice voice, ObjectMapper json) {
        this.config = config;
        this.store = store;
        this.messaging = messaging;
        this.voice = voice;
        this.twilioJson = new TwilioJson(json);
        this.json = json;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            answer(exchange);
        } catch (TwilioApiError error) {
            Exchanges.error(exchange, error, json);
        } catch (RuntimeException e) {
            LOG.error("Twilio sandbox: {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            Exchanges.error(exchange, new TwilioApiError(500, 20500, "Internal Server Error"), json);
        } finally {
            exchange.close();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        if (!authenticated(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"Twilio API\"");
            Exchanges.error(exchange, new TwilioApiError(401, 20003, "Authenticate"), json);
            return;
        }
        String path = exchange.getRequestURI().getPath();
        Matcher resource = RESOURCE.matcher(path);
        if (!resource.matches() || !resource.group(1).equals(config.accountSid())) {
            throw TwilioApiError.notFound(path);
        }
        boolean messages = resource.group(2).equals("Messages");
        String sid = resource.group(3);
        String method = exchange.getRequestMethod();

        if (sid == null && method.equals("POST")) {
            var form = Forms.decode(Exchanges.body(exchange));
            var created = messages ? twilioJson.message(messaging.send(form, exchange.getRequestHeaders().getFirst("traceparent"))) : twilioJson.call(voice.place(form));
            Exchanges.json(exchange, 201, created, json);
        } else if (sid != null && method.equals("GET")) {
            var found = messages ? store.message(sid).map(twilioJson::message) : store.call(sid).map(twilioJson::call);
            Exchanges.json(exchange, 200, found.orElseThrow(() -> TwilioApiError.notFound(path)), json);
        } else {
            throw new TwilioApiError(405, 20004, "Method not allowed");
        }
    }

    private boolean authenticated(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String credentials;
        try {
            credentials = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        String expected = config.accountSid() + ":" + config.authToken();
        // Constant-time, like any credential check: the sandbox should not teach timing leaks by example.
        return MessageDigest.isEqual(credentials.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }
}
