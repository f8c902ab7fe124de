package org.muster.alerts.feed;

import org.muster.alerts.advisory.AdvisoryRequest;
import org.muster.alerts.advisory.AdvisoryVersion;
import org.muster.alerts.advisory.AdvisoryView;
import org.muster.alerts.advisory.Area;
import org.muster.contracts.common.AdvisoryAction;
import org.muster.contracts.common.AdvisoryLevel;
import org.muster.platform.geo.Subdivision;
import org.muster.platform.geo.Subdivisions;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An advisory version as an OASIS CAP 1.2 alert: one {@code <info>} per language, with the
 * regions as ISO 3166-2 geocodes and the drawn areas as CAP polygons and circles. The mapping of
 * level and action to CAP's urgency, severity, certainty and response type is in the README.
 */
public final class CapMessages {

    public static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";
    public static final String MEDIA_TYPE = "application/cap+xml";
    /** CAP 1.2 forbids "Z": UTC is written -00:00, without fractions. */
    private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'-00:00'")
            .withZone(ZoneOffset.UTC);

    private CapMessages() {
    }

    /** The CAP identifier of one version: unique per message, as CAP requires. */
    public static String identifier(AdvisoryView v) {
        return "muster-advisory-" + v.id() + "-v" + v.version();
    }

    /** The CAP {@code <references>} entry of a message: {@code sender,identifier,sent}. */
    public static String reference(String sender, AdvisoryView v) {
        return sender + "," + identifier(v) + "," + time(v.publishedAt());
    }

    /**
     * @param references the message this one updates, cancels or supersedes ({@link #reference}); null for none
     * @param web link to the advisory for people (CAP {@code <web>}); null for none
     */
    public static String toXml(AdvisoryView v, String sender, String senderName, String references, String web) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(NAMESPACE);
            xml.writeStartElement(NAMESPACE, "alert");
            xml.writeDefaultNamespace(NAMESPACE);
            element(xml, "identifier", identifier(v));
            element(xml, "sender", sender);
            element(xml, "sent", time(v.publishedAt()));
            element(xml, "status", v.status().capValue());
            element(xml, "msgType", msgType(v.change()));
            element(xml, "scope", "Public");
            if (references != null) {
                element(xml, "references", references);
            }
            for (Map.Entry<String, AdvisoryRequest.Text> text : v.texts().entrySet()) {
                info(xml, v, text.getKey(), text.getValue(), senderName, web);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the CAP message of advisory " + v.id(), e);
        }
        return out.toString();
    }

    private static void info(XMLStreamWriter xml, AdvisoryView v, String language, AdvisoryRequest.Text text,
                             String senderName, String web) throws XMLStreamException {
        xml.writeStartElement(NAMESPACE, "info");
        element(xml, "language", language);
        element(xml, "category", "Security");
        element(xml, "event", "Travel advisory");
        element(xml, "responseType", responseType(v.level(), v.action()));
        element(xml, "urgency", urgency(v.level(), v.action()));
        element(xml, "severity", v.level().capSeverity());
        element(xml, "certainty", certainty(v.level(), v.action()));
        eventCode(xml, "MUSTER-LEVEL", v.level().name());
        eventCode(xml, "MUSTER-ACTION", v.action().name());
        element(xml, "effective", time(v.effectiveAt()));
        if (v.expiresAt() != null) {
            element(xml, "expires", time(v.expiresAt()));
        }
        element(xml, "senderName", senderName);
        element(xml, "headline", text.headline());
        element(xml, "description", text.body());
        if (text.instruction() != null) {
            element(xml, "instruction", text.instruction());
        }
        if (web != null) {
            element(xml, "web", web);
        }
        regionsArea(xml, v);
        for (Area area : v.areas()) {
            xml.writeStartElement(NAMESPACE, "area");
            element(xml, "areaDesc", area.description());
            if (area.polygon() != null) {
                element(xml, "polygon", area.polygon().stream().map(CapMessages::point).collect(Collectors.joining(" ")));
            } else {
                element(xml, "circle", point(area.circle().centre()) + " " + number(area.circle().radiusKm()));
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /** The regions as one area with an ISO 3166-2 geocode each; no regions means the whole country. */
    private static void regionsArea(XMLStreamWriter xml, AdvisoryView v) throws XMLStreamException {
        xml.writeStartElement(NAMESPACE, "area");
        if (v.regions().isEmpty()) {
            element(xml, "areaDesc", new Locale("", v.country()).getDisplayCountry(Locale.ENGLISH));
            geocode(xml, "ISO3166-1", v.country());
        } else {
            element(xml, "areaDesc", v.regions().stream()
                    .map(code -> Subdivisions.bundled().find(code).map(Subdivision::name).orElse(code))
                    .collect(Collectors.joining(", ")));
            for (String region : v.regions()) {
                geocode(xml, "ISO3166-2", region);
            }
        }
        xml.writeEndElement();
    }

    private static void eventCode(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(NAMESPACE, "eventCode");
        element(xml, "valueName", name);
        element(xml, "value", value);
        xml.writeEndElement();
    }

    private static void geocode(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(NAMESPACE, "geocode");
        element(xml, "valueName", name);
        element(xml, "value", value);
        xml.writeEndElement();
    }

    static String msgType(AdvisoryVersion.Change change) {
        return switch (change) {
            case ISSUED -> "Alert";
            case UPDATED -> "Update";
            case CANCELLED, SUPERSEDED -> "Cancel";
        };
    }

    /** What the action says to do; with no action, what the level implies. */
    public static String responseType(AdvisoryLevel level, AdvisoryAction action) {
        return switch (action) {
            case LEAVE_IMMEDIATELY, GO_TO_ASSEMBLY_POINT -> "Evacuate";
            case SHELTER_IN_PLACE -> "Shelter";
            case NONE -> switch (level) {
                case DO_NOT_TRAVEL, RECONSIDER_TRAVEL -> "Avoid";
                case INCREASED_CAUTION -> "Monitor";
                case EXERCISE_NORMAL_PRECAUTIONS -> "None";
            };
        };
    }

    /** An action is always now; with none, the level says how soon to act. */
    public static String urgency(AdvisoryLevel level, AdvisoryAction action) {
        if (action != AdvisoryAction.NONE) {
            return "Immediate";
        }
        return level.isAtLeast(AdvisoryLevel.RECONSIDER_TRAVEL) ? "Expected" : "Future";
    }

    /** An officer telling people to act has seen the threat; otherwise the level says how likely it is. */
    public static String certainty(AdvisoryLevel level, AdvisoryAction action) {
        if (action != AdvisoryAction.NONE) {
            return "Observed";
        }
        return level.isAtLeast(AdvisoryLevel.RECONSIDER_TRAVEL) ? "Likely" : "Possible";
    }

    public static String time(Instant instant) {
        return CAP_TIME.format(instant);
    }

    private static String point(Area.Point p) {
        return number(p.latitude()) + "," + number(p.longitude());
    }

    private static String number(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(NAMESPACE, name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    /** For tests and the Atom feed: every language a message carries, in order. */
    public static List<String> languages(AdvisoryView v) {
        return List.copyOf(v.texts().keySet());
    }
}
