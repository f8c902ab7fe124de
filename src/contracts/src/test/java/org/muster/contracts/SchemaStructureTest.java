package org.muster.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Structural rules every event schema follows, so that a new schema cannot be lax by accident. */
class SchemaStructureTest {

    static Stream<EventCatalog.Entry> entries() {
        return EventCatalog.entries().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void headerIdentifiesTheType(EventCatalog.Entry entry) {
        JsonNode schema = Schemas.document(entry.type());

        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText()).isEqualTo("https://muster.org/schemas/" + entry.type() + ".json");
        assertThat(schema.path("title").asText()).isEqualTo(entry.payloadClass().getSimpleName());
        assertThat(schema.path("description").asText()).isNotBlank();
        assertThat(schema.path("type").asText()).isEqualTo("object");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void everyObjectIsClosed(EventCatalog.Entry entry) {
        List<String> open = new ArrayList<>();
        walk(Schemas.document(entry.type()), "#", (node, path) -> {
            if ("object".equals(node.path("type").asText())) {
                JsonNode additional = node.get("additionalProperties");
                boolean closedRecord = node.has("properties") && additional != null && additional.isBoolean()
                        && !additional.booleanValue();
                boolean typedMap = !node.has("properties") && additional != null && additional.isObject()
                        && node.has("propertyNames");
                if (!closedRecord && !typedMap) {
                    open.add(path);
                }
            }
        });
        assertThat(open).as("objects without additionalProperties false").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void everyPropertyIsDescribedAndTyped(EventCatalog.Entry entry) {
        List<String> bad = new ArrayList<>();
        walk(Schemas.document(entry.type()), "#", (node, path) -> {
            JsonNode properties = node.get("properties");
            if (properties != null && node.has("type")) {
                properties.fields().forEachRemaining(p -> {
                    JsonNode s = p.getValue();
                    if (!s.hasNonNull("description")) {
                        bad.add(path + "/" + p.getKey() + " has no description");
                    }
                    if (!s.has("type") && !s.has("$ref") && !s.has("anyOf")) {
                        bad.add(path + "/" + p.getKey() + " has no type");
                    }
                });
            }
        });
        assertThat(bad).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void patternsAreTheSharedOnes(EventCatalog.Entry entry) {
        List<String> patterns = new ArrayList<>();
        walk(Schemas.document(entry.type()), "#", (node, path) -> {
            JsonNode pattern = node.get("pattern");
            if (pattern != null && pattern.isTextual()) {
                patterns.add(pattern.asText());
            }
        });
        assertThat(Patterns.ALL).containsAll(patterns);
    }

    @Test
    void sharedPatternsAcceptAndRejectWhatTheyShould() {
        Map<String, List<List<String>>> cases = Map.of(
                Patterns.COUNTRY, List.of(List.of("AF", "NL"), List.of("AFG", "af", "")),
                Patterns.REGION, List.of(List.of("AF-KAB", "GB-ENG", "FR-75C", "US-CA"), List.of("AF-KABU", "AF KAB")),
                Patterns.LANGUAGE, List.of(List.of("en", "fa-AF", "prs", "uz-Latn-AF", "es-419"),
                        List.of("en_GB", "EN", "fa-af", "english")),
                Patterns.E164, List.of(List.of("+93701234567", "+31612345678"), List.of("0031612345678", "+093701234567",
                        "+1234567890123456")),
                Patterns.IATA_AIRPORT, List.of(List.of("KBL", "DOH"), List.of("OAKB", "kbl")),
                Patterns.FLIGHT_NUMBER, List.of(List.of("QR8801", "NAF07", "RCH871", "KL1234A", "9W123"),
                        List.of("QR 8801", "Q8801X1", "QATAR1")),
                Patterns.EVENT_TYPE, List.of(List.of("org.muster.registry.NationalSnapshot.v1",
                        "org.muster.alerts.AdvisoryPublished.v12"),
                        List.of("org.muster.Registry.NationalSnapshot.v1", "org.muster.registry.nationalSnapshot.v1",
                                "org.muster.registry.NationalSnapshot", "org.muster.registry.NationalSnapshot.v0")),
                Patterns.ERROR_CODE, List.of(List.of("30003", "OPTED_OUT", "smtp.550"), List.of("", "two words")));
        cases.forEach((regex, samples) -> {
            Pattern pattern = Pattern.compile(regex);
            assertThat(samples.get(0)).as("accepted by %s", regex).allMatch(s -> pattern.matcher(s).matches());
            assertThat(samples.get(1)).as("rejected by %s", regex).noneMatch(s -> pattern.matcher(s).matches());
        });
    }

    @Test
    void everySharedPatternCompilesAndIsAnchored() {
        assertThat(Patterns.ALL).allSatisfy(regex -> {
            Pattern.compile(regex);
            assertThat(regex).startsWith("^").endsWith("$");
        });
    }

    interface Visitor {
        void visit(JsonNode node, String path);
    }

    private static void walk(JsonNode node, String path, Visitor visitor) {
        if (node.isObject()) {
            visitor.visit(node, path);
            node.fields().forEachRemaining(e -> walk(e.getValue(), path + "/" + e.getKey(), visitor));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, visitor);
            }
        }
    }
}
