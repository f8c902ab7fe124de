package org.muster.devstack.twilio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's own endpoints under {@code /sandbox}, for people and scripts (no auth: a local development tool).
 * <ul>
 *   <li>{@code GET /sandbox}: the HTML page</li>
 *   <li>{@code GET /sandbox/messages[?to=+93...]}: messages in Twilio's JSON, oldest first</li>
 *   <li>{@code GET /sandbox/phones/{number}}: what one phone received (messages, calls), what it sent, and
 *       whether it opted out</li>
 *   <li>{@code POST /sandbox/inbound} (form or JSON: from, to, body): a phone sends an SMS</li>
 *   <li>{@code POST /sandbox/reset}: forget all traffic</li>
 * </ul>
 */
final class InspectionHandler implements HttpHandler {

    private static final String PHONES = "/sandbox/phones/";

    private final TwilioSandbox sandbox;
    private final TwilioJson twilioJson;
    private final ObjectMapper json;

    InspectionHandler(TwilioSandbox sandbox, ObjectMapper json) {
        this.sandbox = sandbox;
        this.twilioJson = new TwilioJson(json);
        this.json = json;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            route(exchange);
        } catch (IllegalArgumentException e) {
            ObjectNode problem = json.createObjectNode().put("error", e.getMessage());
            Exchanges.json(exchange, 400, problem, json);
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (method.equals("GET") && (path.equals("/sandbox") || path.equals("/sandbox/"))) {
            Exchanges.html(exchange, SandboxPage.render(sandbox.allMessages(), sandbox.allCalls(),
                    sandbox.unsubscribedNumbers()));
        } else if (method.equals("GET") && path.equals("/sandbox/messages")) {
            String to = Forms.first(Forms.decode(exchange.getRequestURI().getRawQuery()), "to");
            List<SandboxMessage> messages = to == null ? sandbox.allMessages() : sandbox.messagesTo(to);
            Exchanges.json(exchange, 200, messagesJson(messages), json);
        } else if (method.equals("GET") && path.startsWith(PHONES) && path.length() > PHONES.length()) {
            Exchanges.json(exchange, 200, phoneJson(PhoneNumbers.normalize(path.substring(PHONES.length()))), json);
        } else if (method.equals("POST") && path.equals("/sandbox/inbound")) {
            receive(exchange);
        } else if (method.equals("POST") && path.equals("/sandbox/reset")) {
            sandbox.reset();
            Exchanges.empty(exchange, 204);
        } else {
            Exchanges.json(exchange, 404, json.createObjectNode().put("error", "No such sandbox page: " + path), json);
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        String body = Exchanges.body(exchange);
        String from;
        String to;
        String text;
        if (contentType.startsWith("application/json")) {
            JsonNode request;
            try {
                request = json.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Not JSON: " + e.getOriginalMessage());
            }
            from = request.path("from").asText(null);
            to = request.path("to").asText(null);
            text = request.path("body").asText(null);
        } else {
            Map<String, List<String>> form = Forms.decode(body);
            from = Forms.first(form, "from");
            to = Forms.first(form, "to");
            text = form.containsKey("body") ? form.get("body").get(0) : null;
        }
        SandboxMessage received = sandbox.injectInboundSms(from, to, text);
        // The page's form wants the page back; scripts want the message.
        String accept = String.valueOf(exchange.getRequestHeaders().getFirst("Accept"));
        if (accept.contains("text/html")) {
            Exchanges.redirect(exchange, "/sandbox");
        } else {
            Exchanges.json(exchange, 201, twilioJson.message(received), json);
        }
    }

    private ArrayNode messagesJson(List<SandboxMessage> messages) {
        ArrayNode array = json.createArrayNode();
        messages.forEach(message -> array.add(twilioJson.message(message)));
        return array;
    }

    private ObjectNode phoneJson(String number) {
        ObjectNode phone = json.createObjectNode();
        phone.put("number", number);
        phone.put("unsubscribed", sandbox.isUnsubscribed(number));
        phone.set("messages", messagesJson(sandbox.messagesTo(number)));
        phone.set("sent", messagesJson(sandbox.allMessages().stream()
                .filter(message -> message.inbound() && message.handset().equals(number))
                .toList()));
        ArrayNode calls = phone.putArray("calls");
        sandbox.callsTo(number).forEach(call -> calls.add(twilioJson.call(call)));
        return phone;
    }
}
