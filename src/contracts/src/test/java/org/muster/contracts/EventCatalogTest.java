package org.muster.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.muster.contracts.common.Channel;
import org.muster.contracts.notifier.DeliveryStatusChanged;
import org.muster.contracts.notifier.ReplyReceived;
import org.muster.contracts.registry.NationalSnapshot;

/** The catalog covers every event class and every schema, and nothing else. */
class EventCatalogTest {

    /** Sub-packages that hold event payloads: one per producing service, named by its id. */
    private static final Set<String> EVENT_PACKAGES =
            Arrays.stream(MusterService.values()).map(MusterService::id).collect(Collectors.toSet());

    @Test
    void everyRecordInTheEventPackagesIsACatalogedPayload() throws Exception {
        List<Class<?>> records = contractClasses().stream()
                .filter(Class::isRecord)
                .filter(c -> c.getEnclosingClass() == null)
                .filter(c -> EVENT_PACKAGES.contains(subPackage(c)))
                .toList();

        assertThat(records).hasSizeGreaterThanOrEqualTo(EventCatalog.entries().size());
        for (Class<?> record : records) {
            assertThat(EventPayload.class).as(record.getName()).isAssignableFrom(record);
            assertThat(EventCatalog.find(typeConstant(record))).as(record.getName()).isPresent();
            assertThat(EventCatalog.byClass(record).type()).isEqualTo(typeConstant(record));
        }
    }

    @Test
    void everyEventPayloadImplementationIsCataloged() throws Exception {
        List<Class<?>> payloads = contractClasses().stream()
                .filter(c -> !c.isInterface() && EventPayload.class.isAssignableFrom(c))
                .toList();

        assertThat(payloads)
                .containsExactlyInAnyOrderElementsOf(
                        EventCatalog.entries().stream().<Class<?>>map(EventCatalog.Entry::payloadClass).toList());
    }

    @Test
    void nonEventPackagesHoldNoRecordsWithAType() throws Exception {
        List<Class<?>> misplaced = contractClasses().stream()
                .filter(Class::isRecord)
                .filter(c -> !EVENT_PACKAGES.contains(subPackage(c)))
                .filter(c -> EventPayload.class.isAssignableFrom(c))
                .toList();
        assertThat(misplaced).isEmpty();
    }

    @Test
    void typeConstantFollowsTheNamingRuleAndThePackage() {
        for (EventCatalog.Entry entry : EventCatalog.entries()) {
            Class<?> c = entry.payloadClass();
            assertThat(typeConstant(c))
                    .isEqualTo(entry.type())
                    .isEqualTo(CloudEventHeaders.type(subPackage(c), c.getSimpleName()))
                    .isEqualTo(entry.producer().type(c.getSimpleName()));
            assertThat(subPackage(c)).isEqualTo(entry.producer().id());
        }
    }

    @Test
    void typesAndClassesAreUnique() {
        assertThat(EventCatalog.entries()).extracting(EventCatalog.Entry::type).doesNotHaveDuplicates();
        assertThat(EventCatalog.entries()).extracting(EventCatalog.Entry::payloadClass).doesNotHaveDuplicates();
    }

    @Test
    void everySchemaResourceExistsAndNoSchemaIsOrphaned() throws Exception {
        for (EventCatalog.Entry entry : EventCatalog.entries()) {
            assertThat(entry.schemaResource()).isEqualTo("/schemas/" + entry.type() + ".json");
            assertThat(entry.schemaUrl()).isNotNull();
        }
        Path dir = Path.of(EventCatalog.class.getResource("/schemas").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            Set<String> schemaFiles = files.map(p -> "/schemas/" + p.getFileName()).collect(Collectors.toSet());
            assertThat(schemaFiles).containsExactlyInAnyOrderElementsOf(
                    EventCatalog.entries().stream().map(EventCatalog.Entry::schemaResource).toList());
        }
    }

    @Test
    void everyTopicCarriesEventsAndEveryEventATopic() {
        assertThat(EventCatalog.entries()).extracting(EventCatalog.Entry::topic).allMatch(Topics.ALL::contains);
        for (String topic : Topics.ALL) {
            assertThat(EventCatalog.onTopic(topic)).as(topic).isNotEmpty();
            assertThat(EventCatalog.onTopic(topic)).extracting(EventCatalog.Entry::producer)
                    .as("one producer per topic: %s", topic)
                    .containsOnly(EventCatalog.onTopic(topic).get(0).producer());
        }
        assertThat(EventCatalog.onTopic(Topics.DELIVERY_EVENTS)).extracting(EventCatalog.Entry::payloadClass)
                .containsExactly(DeliveryStatusChanged.class, ReplyReceived.class);
        assertThat(EventCatalog.onTopic("muster.unknown")).isEmpty();
    }

    @Test
    void lookups() {
        EventCatalog.Entry entry = EventCatalog.byType(NationalSnapshot.TYPE);
        assertThat(entry.payloadClass()).isEqualTo(NationalSnapshot.class);
        assertThat(entry.topic()).isEqualTo(Topics.REGISTRY_NATIONALS);
        assertThat(entry.producer()).isEqualTo(MusterService.REGISTRY);
        assertThat(entry.source()).isEqualTo("/muster/registry");
        assertThat(EventCatalog.byClass(NationalSnapshot.class)).isSameAs(entry);
        assertThat(EventCatalog.find("org.muster.registry.NationalSnapshot.v2")).isEmpty();
        assertThat(EventCatalog.find(null)).isEmpty();
        assertThatThrownBy(() -> EventCatalog.byType("org.muster.registry.Nope.v1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("org.muster.registry.Nope.v1");
        assertThatThrownBy(() -> EventCatalog.byClass(NationalSnapshot.Location.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void entryRejectsATypeOfAnotherProducerOrABadName() {
        assertThatThrownBy(() -> new EventCatalog.Entry(NationalSnapshot.TYPE, NationalSnapshot.class,
                Topics.REGISTRY_NATIONALS, MusterService.ALERTS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventCatalog.Entry("registry.NationalSnapshot", NationalSnapshot.class,
                Topics.REGISTRY_NATIONALS, MusterService.REGISTRY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decodePicksThePayloadClassByType() {
        for (EventPayload example : Examples.all()) {
            byte[] body = EventJson.toBytes(example);
            assertThat(EventCatalog.decode(example.eventType(), body)).isEqualTo(example);
        }
        assertThatThrownBy(() -> EventCatalog.decode("org.muster.registry.Nope.v1", "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventCatalog.decode(ReplyReceived.TYPE, "not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void keysAndTimesComeFromTheAggregate() {
        assertThat(Examples.nationalSnapshot().eventKey()).isEqualTo(Examples.NATIONAL.toString());
        assertThat(Examples.advisoryPublished().eventKey()).isEqualTo(Examples.ADVISORY.toString());
        assertThat(Examples.smsRequested().eventKey()).isEqualTo(Examples.NATIONAL.toString());
        assertThat(Examples.replyReceived().eventKey()).isEqualTo(Examples.NATIONAL.toString());
        assertThat(Examples.replyFromUnknownNumber().eventKey()).isEqualTo("+93799876543");
        assertThat(Examples.flightDeparted().eventKey()).isEqualTo(Examples.FLIGHT.toString());
        assertThat(Examples.manifestEntryStatusChanged(org.muster.contracts.common.ManifestStatus.BOARDED).eventKey())
                .isEqualTo(Examples.FLIGHT.toString());
        assertThat(Examples.seatsRequested().eventKey()).isEqualTo(Examples.SEAT_REQUEST.toString());
        assertThat(Examples.replyReceived().eventTime()).isEqualTo(Examples.replyReceived().receivedAt());
        for (EventPayload example : Examples.all()) {
            assertThat(example.eventType()).isEqualTo(typeConstant(example.getClass()));
            assertThat(example.eventKey()).isNotBlank();
            assertThat(example.eventTime()).isNotNull();
        }
    }

    @Test
    void requestIdIsTheIdempotencyKey() {
        assertThat(org.muster.contracts.alerts.DeliveryRequested.requestIdOf(Examples.CAMPAIGN, Examples.NATIONAL,
                Channel.WHATSAPP))
                .isEqualTo(Examples.CAMPAIGN + ":" + Examples.NATIONAL + ":WHATSAPP")
                .matches(Patterns.DELIVERY_REQUEST_ID);
    }

    static String typeConstant(Class<?> c) {
        try {
            Field field = c.getField("TYPE");
            assertThat(Modifier.isStatic(field.getModifiers()) && Modifier.isFinal(field.getModifiers()))
                    .as("%s.TYPE is static final", c.getName()).isTrue();
            return (String) field.get(null);
        } catch (NoSuchFieldException e) {
            throw new AssertionError(c.getName() + " has no public TYPE constant", e);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private static String subPackage(Class<?> c) {
        String pkg = c.getPackageName();
        String root = "org.muster.contracts";
        if (pkg.equals(root)) {
            return "";
        }
        String rest = pkg.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** Every class compiled from src/main/java, found on disk next to EventCatalog. */
    private static List<Class<?>> contractClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(EventCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(root).as("contracts classes directory").isDirectory();
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("org/muster/contracts"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString()
                        .replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                if (!name.endsWith("package-info")) {
                    classes.add(Class.forName(name, false, EventCatalog.class.getClassLoader()));
                }
            }
        }
        return classes;
    }
}
