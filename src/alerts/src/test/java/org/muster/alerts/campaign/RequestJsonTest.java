package org.muster.alerts.campaign;

import org.junit.jupiter.api.Test;
import org.muster.contracts.EventJson;
import org.muster.contracts.alerts.DeliveryRequested;
import org.muster.contracts.common.Channel;
import org.muster.contracts.common.DeliveryPriority;
import org.muster.testing.EventSchemas;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link RequestJson} writes what the event mapper writes, character for character, in UTF-8. */
class RequestJsonTest {

    @Test
    void writes_each_request_as_data_binding_does() {
        UUID campaign = UUID.randomUUID();
        Instant validUntil = Instant.parse("2021-08-16T06:30:00Z");
        Instant now = Instant.parse("2021-08-15T06:30:00.123456789Z");
        List<DeliveryRequested> requests = new ArrayList<>();
        String[] bodies = {
                "Zahra: leave Kabul now. Go to Abbey Gate. Reply SAFE or HELP.",
                "زهرا: همین حالا کابل را ترک کنید. \"دروازه ابی\"",
                "Line one\nline two\ttab \\ backslash \u0007 bell \uD83D\uDEA8 siren",
                "."};
        for (int i = 0; i < bodies.length; i++) {
            UUID person = UUID.randomUUID();
            for (Channel channel : Channel.values()) {
                requests.add(new DeliveryRequested(DeliveryRequested.requestIdOf(campaign, person, channel), campaign, person,
                        channel, channel == Channel.EMAIL ? "p" + i + "@example.org" : "+9370000000" + i, i == 1 ? "fa" : "en",
                        channel == Channel.EMAIL ? "Leave \"now\"" : null, bodies[i], DeliveryPriority.values()[i % 3],
                        i == 3 ? null : validUntil, i, i == 2 ? Instant.parse("2021-08-15T06:30:00Z") : now));
            }
        }
        RequestJson json = new RequestJson();

        for (DeliveryRequested r : requests) {
            String written = new String(json.write(r), StandardCharsets.UTF_8);
            assertThat(written).isEqualTo(EventJson.toJson(r));
            if (r.validUntil() != null) {
                // The schema requires it; the fan-out always sets it. Without it, still what binding writes.
                assertThat(EventSchemas.errors(DeliveryRequested.TYPE, written)).isEmpty();
            }
        }
    }
}
