package org.muster.alerts.feed;

import org.muster.alerts.advisory.AdvisoryRequest;
import org.muster.alerts.advisory.AdvisoryView;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

/** The advisories in force as an Atom (RFC 4287) feed, each entry linking to its CAP message. */
public final class AtomFeed {

    public static final String NAMESPACE = "http://www.w3.org/2005/Atom";
    public static final String MEDIA_TYPE = "application/atom+xml";

    private AtomFeed() {
    }

    /**
     * @param baseUrl public base URL of alerts, without a trailing slash
     * @param now when the feed was built: its {@code <updated>} when no advisory is in force
     */
    public static String toXml(List<AdvisoryView> advisories, String baseUrl, String author, Instant now) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(NAMESPACE);
            xml.writeStartElement(NAMESPACE, "feed");
            xml.writeDefaultNamespace(NAMESPACE);
            element(xml, "id", baseUrl + "/public/advisories/feed.atom");
            element(xml, "title", "Muster travel advisories in force");
            element(xml, "updated", advisories.stream().map(AdvisoryView::publishedAt).max(Instant::compareTo)
                    .orElse(now).toString());
            link(xml, "self", AtomFeed.MEDIA_TYPE, baseUrl + "/public/advisories/feed.atom");
            xml.writeStartElement(NAMESPACE, "author");
            element(xml, "name", author);
            xml.writeEndElement();
            for (AdvisoryView v : advisories) {
                AdvisoryRequest.Text text = v.texts().getOrDefault("en", v.texts().values().iterator().next());
                xml.writeStartElement(NAMESPACE, "entry");
                element(xml, "id", "urn:uuid:" + v.id());
                element(xml, "title", text.headline());
                element(xml, "updated", v.publishedAt().toString());
                link(xml, "alternate", CapMessages.MEDIA_TYPE, baseUrl + "/public/advisories/" + v.id() + "/cap");
                for (String region : v.regions()) {
                    xml.writeStartElement(NAMESPACE, "category");
                    xml.writeAttribute("term", region);
                    xml.writeAttribute("scheme", "urn:iso:std:iso:3166:-2");
                    xml.writeEndElement();
                }
                element(xml, "summary", text.body());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the advisories feed", e);
        }
        return out.toString();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeStartElement(NAMESPACE, "link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(NAMESPACE, name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
