package org.muster.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.contracts.alerts.AdvisoryPublished;
import org.muster.contracts.common.ReplyKeyword;
import org.muster.contracts.notifier.ReplyReceived;
import org.muster.contracts.registry.NationalSnapshot;

/** Serialization of event bodies: round trips, ISO dates, nulls, forward compatibility. */
class EventJsonTest {

    static Stream<EventPayload> examples() {
        return Examples.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void bytesRoundTrip(EventPayload example) {
        byte[] body = EventJson.toBytes(example);

        assertThat(EventJson.fromBytes(body, example.getClass())).isEqualTo(example);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void textRoundTripIsStable(EventPayload example) {
        String json = EventJson.toJson(example);
        EventPayload read = EventJson.fromJson(json, example.getClass());

        assertThat(read).isEqualTo(example);
        assertThat(EventJson.toJson(read)).isEqualTo(json);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void accessorsThatAreNotComponentsAreNotSerialized(EventPayload example) throws Exception {
        JsonNode body = EventJson.reader().readTree(EventJson.toJson(example));

        assertThat(body.has("eventType")).isFalse();
        assertThat(body.has("eventKey")).isFalse();
        assertThat(body.has("eventTime")).isFalse();
        assertThat(body.has("TYPE")).isFalse();
    }

    @Test
    void instantsAreIsoStringsInUtc() throws Exception {
        JsonNode body = EventJson.reader().readTree(EventJson.toJson(Examples.advisoryPublished()));

        assertThat(body.get("effectiveAt").isTextual()).isTrue();
        assertThat(body.get("effectiveAt").asText()).isEqualTo("2021-08-15T06:30:00Z");
        assertThat(body.get("expiresAt").asText()).isEqualTo("2021-08-31T23:59:59Z");
    }

    @Test
    void subSecondInstantsKeepTheirPrecision() {
        Instant precise = Instant.parse("2021-08-26T14:05:33.123456789Z");
        ReplyReceived reply = new ReplyReceived(Examples.REPLY, null, null,
                org.muster.contracts.common.Channel.SMS, Examples.PHONE, ReplyKeyword.SAFE, "SAFE", precise);

        String json = EventJson.toJson(reply);

        assertThat(json).contains("\"receivedAt\":\"2021-08-26T14:05:33.123456789Z\"");
        assertThat(EventJson.fromJson(json, ReplyReceived.class).receivedAt()).isEqualTo(precise);
    }

    @Test
    void offsetInstantsAreReadAsTheSameInstant() {
        String json = EventJson.toJson(Examples.replyReceived())
                .replace("2021-08-15T06:45:00Z", "2021-08-15T11:15:00+04:30");

        assertThat(EventJson.fromJson(json, ReplyReceived.class).receivedAt())
                .isEqualTo(Instant.parse("2021-08-15T06:45:00Z"));
    }

    @Test
    void localDatesAreIsoStrings() {
        record Dated(LocalDate day) {
        }
        assertThat(EventJson.toJson(new Dated(LocalDate.of(2021, 8, 31)))).isEqualTo("{\"day\":\"2021-08-31\"}");
        assertThat(EventJson.fromJson("{\"day\":\"2021-08-31\"}", Dated.class).day()).isEqualTo(LocalDate.of(2021, 8, 31));
    }

    @Test
    void nullFieldsAreLeftOut() throws Exception {
        JsonNode body = EventJson.reader().readTree(EventJson.toJson(Examples.replyFromUnknownNumber()));

        assertThat(body.has("recipientId")).isFalse();
        assertThat(body.has("campaignId")).isFalse();
        assertThat(body.get("from").asText()).isEqualTo("+93799876543");
        JsonNode location = EventJson.reader().readTree(EventJson.toJson(Examples.minimalNational())).get("location");
        assertThat(location.has("region")).isFalse();
        assertThat(location.has("city")).isFalse();
    }

    @Test
    void emptyCollectionsAreKept() throws Exception {
        JsonNode body = EventJson.reader().readTree(EventJson.toJson(Examples.minimalNational()));

        assertThat(body.get("contactPoints").isArray()).isTrue();
        assertThat(body.get("contactPoints")).isEmpty();
        assertThat(body.get("vulnerabilities")).isEmpty();
    }

    @Test
    void enumsAreTheirNames() throws Exception {
        JsonNode body = EventJson.reader().readTree(EventJson.toJson(Examples.nationalSnapshot()));

        assertThat(body.get("welfareStatus").asText()).isEqualTo("UNKNOWN");
        assertThat(body.get("evacuationStatus").asText()).isEqualTo("REQUESTED");
        assertThat(body.get("contactPoints").get(0).get("channel").asText()).isEqualTo("SMS");
        assertThat(body.get("vulnerabilities").get(0).asText()).isEqualTo("PREGNANCY");
    }

    @Test
    void unknownFieldsAreIgnoredForForwardCompatibility() {
        String json = EventJson.toJson(Examples.nationalSnapshot());
        String newer = json.substring(0, json.length() - 1)
                + ",\"coordinates\":{\"lat\":34.53,\"lon\":69.17},\"consent\":\"PARTNERS\"}";

        assertThat(EventJson.fromJson(newer, NationalSnapshot.class)).isEqualTo(Examples.nationalSnapshot());
    }

    @Test
    void missingOptionalFieldsAndCollectionsReadAsNullAndEmpty() {
        String json = "{\"nationalId\":\"" + Examples.NATIONAL + "\",\"version\":3}";

        NationalSnapshot partial = EventJson.fromJson(json, NationalSnapshot.class);

        assertThat(partial.nationalId()).isEqualTo(Examples.NATIONAL);
        assertThat(partial.version()).isEqualTo(3);
        assertThat(partial.location()).isNull();
        assertThat(partial.contactPoints()).isEmpty();
        assertThat(partial.vulnerabilities()).isEmpty();
    }

    @Test
    void collectionsAreImmutableCopies() {
        java.util.ArrayList<String> regions = new java.util.ArrayList<>(List.of("AF-KAB"));
        java.util.LinkedHashMap<String, AdvisoryPublished.Text> texts = new java.util.LinkedHashMap<>(
                Map.of("en", new AdvisoryPublished.Text("Leave now", "Leave now.", null)));
        AdvisoryPublished advisory = new AdvisoryPublished(Examples.ADVISORY, 1, "AF",
                org.muster.contracts.common.AdvisoryLevel.DO_NOT_TRAVEL, org.muster.contracts.common.AdvisoryAction.LEAVE_IMMEDIATELY,
                regions, texts, Examples.T0, null, null, org.muster.contracts.common.AdvisoryStatus.ACTUAL, Examples.T0);

        regions.add("AF-BAL");
        texts.clear();

        assertThat(advisory.regions()).containsExactly("AF-KAB");
        assertThat(advisory.texts()).containsOnlyKeys("en");
        assertThatThrownBy(() -> advisory.regions().add("AF-HER")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> advisory.texts().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void advisoryTextsKeepTheirOrder() {
        String json = EventJson.toJson(Examples.advisoryPublished());

        assertThat(json.indexOf("\"nl\"")).isLessThan(json.indexOf("\"en\""));
        assertThat(EventJson.fromJson(json, AdvisoryPublished.class).texts().keySet()).containsExactly("nl", "en");
    }

    @Test
    void poisonBodiesFailWithUncheckedIoException() {
        assertThatThrownBy(() -> EventJson.fromBytes("{\"nationalId\":".getBytes(StandardCharsets.UTF_8),
                NationalSnapshot.class)).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> EventJson.fromJson("{\"nationalId\":\"not-a-uuid\"}", NationalSnapshot.class))
                .isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> EventJson.fromJson("{\"welfareStatus\":\"FINE\"}", NationalSnapshot.class))
                .isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> EventJson.fromBytes(null, NationalSnapshot.class))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("tombstone");
    }

    @Test
    void configureAppliesTheSameSettingsToAnExistingMapper() throws Exception {
        ObjectMapper mapper = EventJson.configure(new ObjectMapper());

        assertThat(mapper.writeValueAsString(Examples.advisoryPublished()))
                .isEqualTo(EventJson.toJson(Examples.advisoryPublished()));
        assertThat(EventJson.newMapper()).isNotSameAs(EventJson.newMapper());
    }
}
