package org.muster.alerts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Advisory request bodies for tests: Afghanistan, August 2021. */
public final class AdvisoryFixtures {

    /** Dari (Persian script, right to left): "Leave Afghanistan immediately". */
    public static final String DARI_HEADLINE = "فوراً افغانستان را ترک کنید";
    public static final String DARI_BODY = "وضعیت امنیتی در کابل به سرعت رو به وخامت است. با اولین وسیله ممکن کشور را ترک کنید.";
    /** Pashto (Arabic script, right to left). */
    public static final String PASHTO_HEADLINE = "سمدستي افغانستان پرېږدئ";
    public static final String PASHTO_BODY = "په کابل کې امنیتي وضعیت په چټکۍ سره خرابېږي. په لومړي ممکن وسیله هېواد پرېږدئ.";

    private AdvisoryFixtures() {
    }

    /** Level DO_NOT_TRAVEL, action LEAVE_IMMEDIATELY, Kabul and Balkh, in five languages. */
    public static Map<String, Object> leaveImmediately() {
        Map<String, Object> texts = new LinkedHashMap<>();
        texts.put("en", text("Leave Afghanistan immediately", "The security situation in Kabul is deteriorating fast. Leave by any available means.", "Go to the assembly point at the airport's Abbey Gate."));
        texts.put("fr", text("Quittez l'Afghanistan immédiatement", "La situation sécuritaire à Kaboul se dégrade rapidement. Partez par tout moyen disponible.", null));
        texts.put("de", text("Verlassen Sie Afghanistan sofort", "Die Sicherheitslage in Kabul verschlechtert sich rasch. Reisen Sie mit allen verfügbaren Mitteln aus.", null));
        texts.put("fa-AF", text(DARI_HEADLINE, DARI_BODY, null));
        texts.put("ps", text(PASHTO_HEADLINE, PASHTO_BODY, null));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("country", "AF");
        body.put("level", "DO_NOT_TRAVEL");
        body.put("action", "LEAVE_IMMEDIATELY");
        body.put("regions", List.of("AF-KAB", "AF-BAL"));
        body.put("areas", List.of(
                Map.of("description", "Hamid Karzai International Airport",
                        "circle", Map.of("centre", Map.of("latitude", 34.5659, "longitude", 69.2121), "radiusKm", 3.5)),
                Map.of("description", "Kabul city centre",
                        "polygon", List.of(point(34.50, 69.10), point(34.50, 69.25), point(34.58, 69.25), point(34.58, 69.10), point(34.50, 69.10)))));
        body.put("texts", texts);
        body.put("effectiveAt", Instant.now().minus(1, ChronoUnit.HOURS).toString());
        body.put("expiresAt", Instant.now().plus(7, ChronoUnit.DAYS).toString());
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    private static Map<String, Object> text(String headline, String body, String instruction) {
        Map<String, Object> text = new LinkedHashMap<>();
        text.put("headline", headline);
        text.put("body", body);
        if (instruction != null) {
            text.put("instruction", instruction);
        }
        return text;
    }

    private static Map<String, Object> point(double latitude, double longitude) {
        return Map.of("latitude", latitude, "longitude", longitude);
    }
}
