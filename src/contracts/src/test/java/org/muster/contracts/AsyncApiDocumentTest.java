package org.muster.contracts;

import org.muster.contracts.registry.NationalSnapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** docs/events/asyncapi.yaml describes exactly the topics and events of the catalog, with valid examples. */
class AsyncApiDocumentTest {

    private static Path docDir;
    private static JsonNode doc;

    @BeforeAll
    static void readDocument() throws IOException, URISyntaxException {
        Path classes = Path.of(EventCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path moduleDir = classes.getParent().getParent();
        docDir = moduleDir.resolve("../../docs/events").normalize();
        doc = new ObjectMapper(new YAMLFactory()).readTree(docDir.resolve("asyncapi.yaml").toFile());
    }

    static Stream<EventCatalog.Entry> entries() {
        return EventCatalog.entries().stream();
    }

    @Test
    void isAnAsyncApi3Document() {
        assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(doc.path("defaultContentType").asText()).isEqualTo(CloudEventHeaders.JSON);
    }

    @Test
    void everyTopicIsAChannelAndNoChannelIsUnknown() {
        List<String> addresses = new ArrayList<>();
        doc.path("channels").forEach(c -> addresses.add(c.path("address").asText()));
        List<String> expected = new ArrayList<>(Topics.ALL);
        expected.add("{topic}" + Topics.DEAD_LETTER_SUFFIX);
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void onlyTheRegistryTopicIsCompacted() {
        for (String topic : Topics.ALL) {
            JsonNode policy = channel(topic).path("bindings").path("kafka").path("topicConfiguration")
                    .path("cleanup.policy");
            assertThat(policy.get(0).asText()).as(topic).isEqualTo(Topics.isCompacted(topic) ? "compact" : "delete");
        }
    }

    @Test
    void registryChannelDocumentsErasureAsATombstone() {
        JsonNode messages = channel(Topics.REGISTRY_NATIONALS).path("messages");
        assertThat(messages.has("NationalErased")).isTrue();
        JsonNode tombstone = doc.path("components").path("messages").path("NationalErased");
        assertThat(tombstone.path("payload").path("type").asText()).isEqualTo("null");
        assertThat(tombstone.path("headers").path("properties").path("ce_type").path("const").asText())
                .isEqualTo(NationalSnapshot.ERASED_TYPE);
        assertThat(tombstone.path("headers").path("required").toString()).doesNotContain("content-type");
        assertThat(channel(Topics.REGISTRY_NATIONALS).path("description").asText()).contains("tombstone");
    }

    @Test
    void deadLetterChannelCoversEveryTopic() {
        JsonNode dlq = doc.path("channels").path("deadLetters");
        assertThat(dlq.path("address").asText()).isEqualTo("{topic}.dlq");
        List<String> topics = new ArrayList<>();
        dlq.path("parameters").path("topic").path("enum").forEach(t -> topics.add(t.asText()));
        assertThat(topics).containsExactlyElementsOf(Topics.ALL);
        for (String topic : Topics.ALL) {
            assertThat(channel(topic).path("description").asText()).contains(Topics.deadLetter(topic));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void everyEventIsAMessageOfItsTopicWithItsTypeAndSchemaFile(EventCatalog.Entry entry) throws IOException {
        String name = entry.payloadClass().getSimpleName();
        assertThat(channel(entry.topic()).path("messages").has(name)).as("%s on %s", name, entry.topic()).isTrue();

        JsonNode message = message(name);
        assertThat(message.path("headers").path("allOf").get(1).path("properties").path("ce_type").path("const").asText())
                .isEqualTo(entry.type());
        assertThat(message.path("headers").path("allOf").get(1).path("properties").path("ce_source").path("const")
                .asText()).isEqualTo(entry.source());

        Path schemaFile = docDir.resolve(message.path("payload").path("schema").path("$ref").asText()).normalize();
        assertThat(schemaFile).isRegularFile();
        try (InputStream classpath = entry.schemaUrl().openStream()) {
            assertThat(Files.readAllBytes(schemaFile)).isEqualTo(classpath.readAllBytes());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void everyMessageExampleIsAValidEventWithMatchingHeaders(EventCatalog.Entry entry) {
        JsonNode examples = message(entry.payloadClass().getSimpleName()).path("examples");
        assertThat(examples.size()).isGreaterThanOrEqualTo(1);
        for (JsonNode example : examples) {
            JsonNode headers = example.path("headers");
            for (String header : CloudEventHeaders.REQUIRED) {
                assertThat(headers.hasNonNull(header)).as(header).isTrue();
            }
            assertThat(headers.path(CloudEventHeaders.TYPE).asText()).isEqualTo(entry.type());
            assertThat(headers.path(CloudEventHeaders.SOURCE).asText()).isEqualTo(entry.source());

            String json = example.path("payload").toString();
            assertThat(Schemas.validate(entry.type(), json)).as("schema errors of the example %s", json).isEmpty();
            EventPayload payload = EventCatalog.decode(entry.type(), json.getBytes(StandardCharsets.UTF_8));
            assertThat(headers.path(CloudEventHeaders.SUBJECT).asText()).isEqualTo(payload.eventKey());
            assertThat(headers.path(CloudEventHeaders.TIME).asText()).isEqualTo(payload.eventTime().toString());
        }
    }

    @Test
    void everyTopicHasOneSenderTheCatalogProducerAndAtLeastOneReceiver() {
        for (String topic : Topics.ALL) {
            String channelRef = "#/channels/" + channelName(topic);
            Set<String> senders = new HashSet<>();
            int receivers = 0;
            for (JsonNode op : iterable(doc.path("operations"))) {
                if (!op.path("channel").path("$ref").asText().equals(channelRef)) {
                    continue;
                }
                if (op.path("action").asText().equals("send")) {
                    senders.add(op.path("title").asText().split(" ")[0]);
                } else {
                    receivers++;
                }
            }
            assertThat(senders).as(topic).containsExactly(EventCatalog.onTopic(topic).get(0).producer().id());
            assertThat(receivers).as(topic).isPositive();
        }
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        List<JsonNode> list = new ArrayList<>();
        node.forEach(list::add);
        return list;
    }

    private static String channelName(String topic) {
        var names = doc.path("channels").fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (doc.path("channels").path(name).path("address").asText().equals(topic)) {
                return name;
            }
        }
        throw new AssertionError("no channel for " + topic);
    }

    private static JsonNode channel(String topic) {
        return doc.path("channels").path(channelName(topic));
    }

    private static JsonNode message(String name) {
        JsonNode message = doc.path("components").path("messages").path(name);
        assertThat(message.isMissingNode()).as("message %s", name).isFalse();
        return message;
    }
}
