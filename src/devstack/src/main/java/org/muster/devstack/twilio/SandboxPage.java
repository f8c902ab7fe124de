package org.muster.devstack.twilio;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The page at {@code /sandbox}: every phone with what it received and sent, newest first, and a form to send an SMS
 * from a phone. Every text is escaped; message bodies get {@code dir="auto"} so Dari, Pashto and Arabic read right to
 * left.
 */
final class SandboxPage {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private SandboxPage() {
    }

    static String render(List<SandboxMessage> messages, List<SandboxCall> calls, Set<String> unsubscribed) {
        Map<String, List<SandboxMessage>> messagesByPhone = new TreeMap<>(messages.stream()
                .collect(Collectors.groupingBy(SandboxMessage::handset)));
        Map<String, List<SandboxCall>> callsByPhone = calls.stream().collect(Collectors.groupingBy(SandboxCall::to));
        Set<String> phones = new TreeSet<>(messagesByPhone.keySet());
        phones.addAll(callsByPhone.keySet());
        phones.addAll(unsubscribed);

        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>Twilio sandbox</title>
                <style>
                body { font-family: system-ui, sans-serif; margin: 2rem; }
                table { border-collapse: collapse; width: 100%; margin-bottom: 1.5rem; }
                th, td { border: 1px solid #ccc; padding: .3rem .5rem; text-align: start; vertical-align: top; }
                .body { white-space: pre-wrap; unicode-bidi: plaintext; }
                .failed, .undelivered, .no-answer, .busy { color: #b00020; }
                </style>
                </head>
                <body>
                <h1>Twilio sandbox</h1>
                <p><a href="/sandbox">Refresh</a> · JSON: <a href="/sandbox/messages">/sandbox/messages</a></p>
                <form method="post" action="/sandbox/inbound">
                <fieldset><legend>Reply from a phone (STOP opts out, START opts back in)</legend>
                <label>From <input name="from" placeholder="+93700000001" required></label>
                <label>To <input name="to" placeholder="+15005550006" required></label>
                <label>Body <input name="body" dir="auto" required></label>
                <button type="submit">Send</button>
                </fieldset>
                </form>
                """);
        if (phones.isEmpty()) {
            html.append("<p>No traffic yet.</p>\n");
        }
        for (String phone : phones) {
            html.append("<h2>").append(escape(phone));
            if (unsubscribed.contains(phone)) {
                html.append(" <small>(unsubscribed)</small>");
            }
            html.append("</h2>\n");
            List<SandboxMessage> phoneMessages = messagesByPhone.getOrDefault(phone, List.of());
            if (!phoneMessages.isEmpty()) {
                html.append("<table><tr><th>Time</th><th>Direction</th><th>Channel</th><th>From</th><th>To</th>"
                        + "<th>Status</th><th>Segments</th><th>Body</th></tr>\n");
                rows(html, phoneMessages, m -> List.of(TIME.format(m.dateCreated()), m.direction(), m.channel(),
                        String.valueOf(m.from()), m.to(), status(m.status(), m.errorCode()),
                        m.numSegments() + " " + m.encoding()), SandboxMessage::body, SandboxMessage::status);
                html.append("</table>\n");
            }
            List<SandboxCall> phoneCalls = callsByPhone.getOrDefault(phone, List.of());
            if (!phoneCalls.isEmpty()) {
                html.append("<table><tr><th>Time</th><th>Call from</th><th>Status</th><th>Duration</th>"
                        + "<th>TwiML</th></tr>\n");
                rows(html, phoneCalls, c -> List.of(TIME.format(c.dateCreated()), c.from(), c.status(),
                        c.durationSeconds() + " s"),
                        c -> c.twiml() != null ? c.twiml() : String.valueOf(c.url()), SandboxCall::status);
                html.append("</table>\n");
            }
        }
        return html.append("</body>\n</html>\n").toString();
    }

    /** Newest first; the free text goes last, in its own direction. */
    private static <T> void rows(StringBuilder html, List<T> items, Function<T, List<String>> cells,
                                 Function<T, String> text, Function<T, String> status) {
        for (int i = items.size() - 1; i >= 0; i--) {
            T item = items.get(i);
            html.append("<tr class=\"").append(escape(status.apply(item))).append("\">");
            for (String cell : cells.apply(item)) {
                html.append("<td>").append(escape(cell)).append("</td>");
            }
            html.append("<td class=\"body\" dir=\"auto\">").append(escape(text.apply(item))).append("</td></tr>\n");
        }
    }

    private static String status(String status, Integer errorCode) {
        return errorCode == null ? status : status + " (" + errorCode + ")";
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
