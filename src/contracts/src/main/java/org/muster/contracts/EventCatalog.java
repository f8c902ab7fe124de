package org.muster.contracts;

import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.muster.contracts.alerts.AdvisoryPublished;
import org.muster.contracts.alerts.CampaignStateChanged;
import org.muster.contracts.alerts.DeliveryRequested;
import org.muster.contracts.evacuation.FlightChanged;
import org.muster.contracts.evacuation.FlightDeparted;
import org.muster.contracts.evacuation.FlightScheduled;
import org.muster.contracts.evacuation.ManifestEntryStatusChanged;
import org.muster.contracts.evacuation.PassengerManifested;
import org.muster.contracts.notifier.DeliveryStatusChanged;
import org.muster.contracts.notifier.ReplyReceived;
import org.muster.contracts.partners.SeatsRequested;
import org.muster.contracts.registry.NationalSnapshot;

/**
 * Every event Muster publishes: its CloudEvents type, payload class, topic, producing service and
 * JSON Schema (classpath resource {@code /schemas/<type>.json}, draft 2020-12). The AsyncAPI
 * document {@code docs/events/asyncapi.yaml} describes the same events.
 */
public final class EventCatalog {

    /**
     * One event type.
     *
     * @param type         the CloudEvents type ({@code ce_type}), {@code org.muster.<producer>.<Event>.v<n>}
     * @param payloadClass the record the JSON body maps to
     * @param topic        the topic it is published on
     * @param producer     the only service that publishes it
     */
    public record Entry(
            String type,
            Class<? extends EventPayload> payloadClass,
            String topic,
            MusterService producer) {

        public Entry {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(payloadClass, "payloadClass");
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(producer, "producer");
            if (!CloudEventHeaders.isValidType(type)) {
                throw new IllegalArgumentException("not a valid event type: " + type);
            }
            if (!type.startsWith(CloudEventHeaders.TYPE_PREFIX + producer.id() + ".")) {
                throw new IllegalArgumentException(type + " is not a type of " + producer.id());
            }
        }

        /** Classpath resource of the JSON Schema: {@code /schemas/<type>.json}. */
        public String schemaResource() {
            return "/schemas/" + type + ".json";
        }

        /** URL of the JSON Schema on the classpath; null if the resource is missing. */
        public URL schemaUrl() {
            return EventCatalog.class.getResource(schemaResource());
        }

        /** The CloudEvents {@code source} of this type: {@code /muster/<producer>}. */
        public String source() {
            return producer.source();
        }
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry(NationalSnapshot.TYPE, NationalSnapshot.class, Topics.REGISTRY_NATIONALS, MusterService.REGISTRY),
            new Entry(AdvisoryPublished.TYPE, AdvisoryPublished.class, Topics.ALERTS_ADVISORIES, MusterService.ALERTS),
            new Entry(DeliveryRequested.TYPE, DeliveryRequested.class, Topics.DELIVERY_REQUESTS, MusterService.ALERTS),
            new Entry(CampaignStateChanged.TYPE, CampaignStateChanged.class, Topics.DELIVERY_REQUESTS,
                    MusterService.ALERTS),
            new Entry(DeliveryStatusChanged.TYPE, DeliveryStatusChanged.class, Topics.DELIVERY_EVENTS,
                    MusterService.NOTIFIER),
            new Entry(ReplyReceived.TYPE, ReplyReceived.class, Topics.DELIVERY_EVENTS, MusterService.NOTIFIER),
            new Entry(FlightScheduled.TYPE, FlightScheduled.class, Topics.EVACUATION_MANIFESTS,
                    MusterService.EVACUATION),
            new Entry(FlightChanged.TYPE, FlightChanged.class, Topics.EVACUATION_MANIFESTS, MusterService.EVACUATION),
            new Entry(PassengerManifested.TYPE, PassengerManifested.class, Topics.EVACUATION_MANIFESTS,
                    MusterService.EVACUATION),
            new Entry(ManifestEntryStatusChanged.TYPE, ManifestEntryStatusChanged.class, Topics.EVACUATION_MANIFESTS,
                    MusterService.EVACUATION),
            new Entry(FlightDeparted.TYPE, FlightDeparted.class, Topics.EVACUATION_MANIFESTS, MusterService.EVACUATION),
            new Entry(SeatsRequested.TYPE, SeatsRequested.class, Topics.PARTNERS_REQUESTS, MusterService.PARTNERS));

    private static final Map<String, Entry> BY_TYPE;
    private static final Map<Class<?>, Entry> BY_CLASS;

    static {
        Map<String, Entry> byType = new LinkedHashMap<>();
        Map<Class<?>, Entry> byClass = new LinkedHashMap<>();
        for (Entry e : ENTRIES) {
            if (byType.put(e.type(), e) != null || byClass.put(e.payloadClass(), e) != null) {
                throw new IllegalStateException("duplicate catalog entry: " + e);
            }
        }
        BY_TYPE = Map.copyOf(byType);
        BY_CLASS = Map.copyOf(byClass);
    }

    private EventCatalog() {
    }

    /** Every entry, in the order of the data flow. */
    public static List<Entry> entries() {
        return ENTRIES;
    }

    /** The entry of {@code type}, if Muster knows it. */
    public static Optional<Entry> find(String type) {
        return type == null ? Optional.empty() : Optional.ofNullable(BY_TYPE.get(type));
    }

    /**
     * The entry of {@code type}.
     *
     * @throws IllegalArgumentException if the type is unknown (a consumer dead-letters such a record)
     */
    public static Entry byType(String type) {
        return find(type).orElseThrow(() -> new IllegalArgumentException("unknown event type: " + type));
    }

    /**
     * The entry whose payload class is {@code payloadClass}.
     *
     * @throws IllegalArgumentException if it is not a cataloged payload class
     */
    public static Entry byClass(Class<?> payloadClass) {
        Entry entry = BY_CLASS.get(payloadClass);
        if (entry == null) {
            throw new IllegalArgumentException("not a cataloged event payload: " + payloadClass);
        }
        return entry;
    }

    /** The entries published on {@code topic}, in catalog order; empty for an unknown topic. */
    public static List<Entry> onTopic(String topic) {
        return ENTRIES.stream().filter(e -> e.topic().equals(topic)).toList();
    }

    /**
     * Reads the JSON body of an event of type {@code type} (the {@code ce_type} header).
     *
     * @throws IllegalArgumentException       if the type is unknown
     * @throws java.io.UncheckedIOException   if the body is not valid JSON for the payload
     */
    public static EventPayload decode(String type, byte[] body) {
        return EventJson.fromBytes(body, byType(type).payloadClass());
    }
}
