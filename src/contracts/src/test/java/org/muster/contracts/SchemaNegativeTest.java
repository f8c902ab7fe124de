package org.muster.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.muster.contracts.alerts.AdvisoryPublished;
import org.muster.contracts.alerts.DeliveryRequested;
import org.muster.contracts.evacuation.FlightScheduled;
import org.muster.contracts.evacuation.PassengerManifested;
import org.muster.contracts.notifier.DeliveryStatusChanged;
import org.muster.contracts.notifier.ReplyReceived;
import org.muster.contracts.partners.SeatsRequested;
import org.muster.contracts.registry.NationalSnapshot;

/** The schemas reject the mistakes they are there to catch. */
class SchemaNegativeTest {

    /** Every required property of every type, removed one at a time from the type's example. */
    static Stream<Arguments> requiredProperties() {
        return Examples.primary().values().stream().flatMap(example -> {
            JsonNode required = Schemas.document(example.eventType()).get("required");
            return Stream.iterate(0, i -> i < required.size(), i -> i + 1)
                    .map(i -> Arguments.of(example, required.get(i).asText()));
        });
    }

    static Stream<EventPayload> primaryExamples() {
        return Examples.primary().values().stream();
    }

    @ParameterizedTest(name = "{1} missing from {0}")
    @MethodSource("requiredProperties")
    void missingRequiredPropertyIsRejected(EventPayload example, String property) {
        assertInvalid(example, body -> body.remove(property), "required");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("primaryExamples")
    void unknownPropertyIsRejected(EventPayload example) {
        assertInvalid(example, body -> body.put("passportNumber", "NW8X4RT12"), "additionalProperties");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("primaryExamples")
    void nonObjectBodyIsRejected(EventPayload example) {
        assertThat(Schemas.validate(example.eventType(), "[]")).isNotEmpty();
    }

    @Test
    void badEnumValueIsRejected() {
        assertInvalid(Examples.nationalSnapshot(), body -> body.put("welfareStatus", "FINE"), "enum");
        assertInvalid(Examples.advisoryPublished(), body -> body.put("level", "do_not_travel"), "enum");
        // The vocabulary before issue #4's: no longer a level or an action.
        assertInvalid(Examples.advisoryPublished(), body -> body.put("level", "LEAVE_NOW"), "enum");
        assertInvalid(Examples.advisoryPublished(), body -> body.put("action", "EVACUATE"), "enum");
        assertInvalid(Examples.deliveryStatusChanged(org.muster.contracts.common.DeliveryStatus.DELIVERED),
                body -> body.put("status", "RECEIVED"), "enum");
        assertInvalid(Examples.nationalSnapshot(),
                body -> ((ArrayNode) body.get("vulnerabilities")).add("LEFT_HANDED"), "enum");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Kabul", "af-kab", "AF_KAB", "AFG-KAB", "AF-KABUL", "AF-"})
    void badRegionCodeIsRejected(String region) {
        assertInvalid(Examples.nationalSnapshot(),
                body -> ((ObjectNode) body.get("location")).put("region", region), "pattern");
        assertInvalid(Examples.advisoryPublished(),
                body -> ((ArrayNode) body.get("regions")).set(0, region), "pattern");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Afghanistan", "AFG", "af", "A1"})
    void badCountryCodeIsRejected(String country) {
        assertInvalid(Examples.nationalSnapshot(), body -> body.put("nationality", country), "pattern");
        assertInvalid(Examples.advisoryPublished(), body -> body.put("country", country), "pattern");
        assertInvalid(Examples.seatsRequested(), body -> body.put("partnerCountry", country), "pattern");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dutch", "NL", "nl_NL", "nl-nl", "fa-af"})
    void badLanguageTagIsRejected(String language) {
        assertInvalid(Examples.nationalSnapshot(), body -> body.put("preferredLanguage", language), "pattern");
        assertInvalid(Examples.smsRequested(), body -> body.put("language", language), "pattern");
    }

    @Test
    void badLanguageKeyOfAdvisoryTextsIsRejected() {
        assertInvalid(Examples.advisoryPublished(), body -> {
            ObjectNode texts = (ObjectNode) body.get("texts");
            texts.set("Dutch", texts.get("nl"));
        }, "propertyNames");
    }

    @Test
    void advisoryWithoutAnyTextIsRejected() {
        assertInvalid(Examples.advisoryPublished(), body -> body.putObject("texts"), "minProperties");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0701234567", "+0701234567", "+93 70 123 4567", "+93-70-1234567", "j.devries@example.org"})
    void phoneChannelNeedsAnE164Number(String address) {
        assertInvalid(Examples.smsRequested(), body -> body.put("address", address), "pattern");
        assertInvalid(Examples.nationalSnapshot(),
                body -> ((ObjectNode) body.get("contactPoints").get(0)).put("address", address), "pattern");
        assertInvalid(Examples.replyReceived(), body -> body.put("from", address), "pattern");
    }

    @Test
    void emailChannelNeedsAnEmailAddress() {
        assertInvalid(Examples.emailRequested(), body -> body.put("address", Examples.PHONE), "pattern");
        assertInvalid(Examples.nationalSnapshot(),
                body -> ((ObjectNode) body.get("contactPoints").get(2)).put("address", "not an address"), "pattern");
    }

    @Test
    void emailNeedsASubjectAndOtherChannelsMustNotHaveOne() {
        assertInvalid(Examples.emailRequested(), body -> body.remove("subject"), "required");
        assertInvalid(Examples.smsRequested(), body -> body.put("subject", "Leave now"), "type");
    }

    @Test
    void smsBodyIsLimitedToWhatTwilioAccepts() {
        assertInvalid(Examples.smsRequested(), body -> body.put("body", "x".repeat(1601)), "maxLength");
        assertThat(validate(Examples.emailRequested(), body -> body.put("body", "x".repeat(1601)))).isEmpty();
    }

    @Test
    void requestIdMustBeTheIdempotencyKey() {
        assertInvalid(Examples.smsRequested(), body -> body.put("requestId", Examples.CAMPAIGN.toString()), "pattern");
        assertInvalid(Examples.smsRequested(),
                body -> body.put("requestId", body.get("requestId").asText().replace(":SMS", ":FAX")), "pattern");
    }

    @Test
    void failureNeedsAnErrorCodeAndSendingAProviderId() {
        DeliveryStatusChanged failed = Examples.deliveryStatusChanged(org.muster.contracts.common.DeliveryStatus.FAILED);
        assertInvalid(failed, body -> body.remove("errorCode"), "required");
        DeliveryStatusChanged sent = Examples.deliveryStatusChanged(org.muster.contracts.common.DeliveryStatus.SENT);
        assertInvalid(sent, body -> body.remove("providerId"), "required");
    }

    @Test
    void formatsAreAsserted() {
        assertInvalid(Examples.nationalSnapshot(), body -> body.put("nationalId", "national-42"), "format");
        assertInvalid(Examples.nationalSnapshot(), body -> body.put("occurredAt", "15/08/2021 06:30"), "format");
        assertInvalid(Examples.nationalSnapshot(), body -> body.put("occurredAt", 1629009000000L), "type");
        assertInvalid(Examples.flightScheduled(), body -> body.put("scheduledDeparture", "2021-08-17"), "format");
    }

    @Test
    void airportAndFlightCodesAreChecked() {
        assertInvalid(Examples.flightScheduled(), body -> body.put("origin", "OAKB"), "pattern");
        assertInvalid(Examples.flightScheduled(), body -> body.put("destination", "isb"), "pattern");
        assertInvalid(Examples.flightScheduled(), body -> body.put("flightNumber", "NAF 07"), "pattern");
        assertInvalid(Examples.seatsRequested(), body -> body.put("destination", "Doha"), "pattern");
    }

    @Test
    void numbersAreBounded() {
        assertInvalid(Examples.flightScheduled(), body -> body.put("seats", -1), "minimum");
        assertInvalid(Examples.nationalSnapshot(), body -> body.put("version", 0), "minimum");
        assertInvalid(Examples.smsRequested(), body -> body.put("fallbackStep", -1), "minimum");
        assertInvalid(Examples.passengerManifested(), body -> body.put("seats", 1.5), "type");
    }

    @Test
    void flightScheduledCannotStartDepartedAndManifestingStartsAssignedOrConfirmed() {
        assertInvalid(Examples.flightScheduled(), body -> body.put("status", "DEPARTED"), "enum");
        assertInvalid(Examples.flightScheduled(), body -> body.put("status", "CLOSED"), "enum");
        assertInvalid(Examples.flightChanged(), body -> body.put("status", "LANDED"), "enum");
        assertInvalid(Examples.passengerManifested(), body -> body.put("status", "BOARDED"), "enum");
    }

    @Test
    void nestedObjectsAreStrictToo() {
        assertInvalid(Examples.nationalSnapshot(),
                body -> ((ObjectNode) body.get("location")).put("latitude", 34.5), "additionalProperties");
        assertInvalid(Examples.nationalSnapshot(),
                body -> ((ObjectNode) body.get("contactPoints").get(0)).remove("optedOut"), "required");
        assertInvalid(Examples.advisoryPublished(),
                body -> ((ObjectNode) body.get("texts").get("nl")).remove("headline"), "required");
        assertInvalid(Examples.seatsRequested(),
                body -> ((ObjectNode) body.get("passengers").get(0)).put("passportNumber", "EU1234567"),
                "additionalProperties");
        assertInvalid(Examples.seatsRequested(), body -> body.putArray("passengers"), "minItems");
    }

    @Test
    void duplicateVulnerabilitiesAndRegionsAreRejected() {
        assertInvalid(Examples.nationalSnapshot(),
                body -> ((ArrayNode) body.get("vulnerabilities")).add("PREGNANCY"), "uniqueItems");
        assertInvalid(Examples.advisoryPublished(),
                body -> ((ArrayNode) body.get("regions")).add("AF-KAB"), "uniqueItems");
    }

    @Test
    void typesAreSpecificToTheirSchema() {
        String reply = EventJson.toJson(Examples.replyReceived());
        assertThat(Schemas.validate(DeliveryStatusChanged.TYPE, reply)).isNotEmpty();
        String snapshot = EventJson.toJson(Examples.nationalSnapshot());
        assertThat(Schemas.validate(PassengerManifested.TYPE, snapshot)).isNotEmpty();
        assertThat(Schemas.validate(AdvisoryPublished.TYPE, EventJson.toJson(Examples.smsRequested()))).isNotEmpty();
        assertThat(Schemas.validate(FlightScheduled.TYPE, EventJson.toJson(Examples.flightDeparted()))).isNotEmpty();
        assertThat(Schemas.validate(SeatsRequested.TYPE, EventJson.toJson(Examples.passengerManifested()))).isNotEmpty();
        assertThat(Schemas.validate(NationalSnapshot.TYPE, "null")).isNotEmpty();
        assertThat(Schemas.validate(ReplyReceived.TYPE, "{}")).isNotEmpty();
        assertThat(Schemas.validate(DeliveryRequested.TYPE, "{}")).isNotEmpty();
    }

    private static List<Error> validate(EventPayload example, Consumer<ObjectNode> mutation) {
        ObjectNode body = EventJson.newMapper().valueToTree(example);
        mutation.accept(body);
        return Schemas.validate(example.eventType(), body.toString());
    }

    private static void assertInvalid(EventPayload example, Consumer<ObjectNode> mutation, String keyword) {
        List<Error> errors = validate(example, mutation);
        assertThat(errors).as("errors for a broken %s", example.getClass().getSimpleName()).isNotEmpty();
        assertThat(errors).extracting(Error::getKeyword).as("keywords of %s", errors).contains(keyword);
    }
}
