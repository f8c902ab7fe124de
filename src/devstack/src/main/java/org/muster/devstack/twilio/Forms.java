package org.muster.devstack.twilio;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** {@code application/x-www-form-urlencoded} both ways, in UTF-8. */
final class Forms {

    private Forms() {
    }

    /** Every value of every name, in order; also parses query strings. */
    static Map<String, List<String>> decode(String encoded) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return params;
    }

    static String encode(Map<String, String> params) {
        StringJoiner form = new StringJoiner("&");
        params.forEach((name, value) -> form.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return form.toString();
    }

    /** The first value of {@code name}, or null when absent or blank. */
    static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            return null;
        }
        return values.get(0);
    }
}
