package org.muster.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example event, serialized the way services do, is valid against its type's schema. */
class EventSchemaTest {

    static Stream<EventPayload> examples() {
        return Examples.all().stream();
    }

    static Stream<EventCatalog.Entry> entries() {
        return EventCatalog.entries().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleIsValidAgainstItsSchema(EventPayload example) {
        String json = EventJson.toJson(example);

        assertThat(Schemas.validate(example.eventType(), json))
                .as("schema errors for %s", json)
                .isEmpty();
    }

    @Test
    void everyCatalogEntryHasAPrimaryExample() {
        assertThat(Examples.primary().keySet())
                .containsExactlyInAnyOrderElementsOf(
                        EventCatalog.entries().stream().map(EventCatalog.Entry::payloadClass).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void schemaPropertiesAreExactlyTheRecordComponents(EventCatalog.Entry entry) {
        JsonNode schema = Schemas.document(entry.type());
        Set<String> properties = new HashSet<>();
        schema.get("properties").fieldNames().forEachRemaining(properties::add);
        List<String> components = Arrays.stream(entry.payloadClass().getRecordComponents())
                .map(RecordComponent::getName)
                .toList();

        assertThat(properties).containsExactlyInAnyOrderElementsOf(components);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void primitiveComponentsAreRequired(EventCatalog.Entry entry) {
        JsonNode required = Schemas.document(entry.type()).get("required");
        Set<String> requiredNames = new HashSet<>();
        required.forEach(n -> requiredNames.add(n.asText()));

        for (RecordComponent c : entry.payloadClass().getRecordComponents()) {
            if (c.getType().isPrimitive()) {
                assertThat(requiredNames).as("%s.%s", entry.type(), c.getName()).contains(c.getName());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyRequiredFieldIsPresentInTheExample(EventPayload example) throws Exception {
        JsonNode body = EventJson.reader().readTree(EventJson.toJson(example));
        JsonNode required = Schemas.document(example.eventType()).get("required");

        required.forEach(name -> assertThat(body.has(name.asText())).as(name.asText()).isTrue());
    }
}
