package org.muster.alerts.feed;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.muster.alerts.AdvisoryFixtures;
import org.muster.testing.MusterStackResource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The public feeds, read without a token: CAP 1.2 per advisory and the Atom feed of those in force. */
@QuarkusTest
@QuarkusTestResource(value = MusterStackResource.class, initArgs = @ResourceArg(name = "schema", value = "alerts"))
class PublicFeedsTest {

    @Test
    @TestSecurity(user = "officer-ana", roles = {"consular-officer", "consular-viewer"})
    void an_advisory_becomes_a_cap_message_with_every_language_and_its_areas() throws Exception {
        String id = issue();

        String xml = given().accept("application/cap+xml").get("/public/advisories/" + id + "/cap")
                .then().statusCode(200).contentType("application/cap+xml").extract().asString();

        Document cap = parse(xml);
        Element alert = cap.getDocumentElement();
        assertThat(alert.getNamespaceURI()).isEqualTo(CapMessages.NAMESPACE);
        assertThat(text(alert, "msgType")).containsExactly("Alert");
        assertThat(text(alert, "sent").get(0)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d-00:00");
        NodeList infos = alert.getElementsByTagNameNS(CapMessages.NAMESPACE, "info");
        assertThat(infos.getLength()).isEqualTo(5);
        assertThat(text(alert, "language")).containsExactly("en", "fr", "de", "fa-AF", "ps");
        assertThat(text(alert, "headline")).contains(AdvisoryFixtures.DARI_HEADLINE, AdvisoryFixtures.PASHTO_HEADLINE);
        assertThat(text(alert, "description")).contains(AdvisoryFixtures.PASHTO_BODY);
        assertThat(text(alert, "responseType")).containsOnly("Evacuate");
        assertThat(text(alert, "urgency")).containsOnly("Immediate");
        assertThat(text(alert, "severity")).containsOnly("Extreme");
        assertThat(text(alert, "certainty")).containsOnly("Observed");
        assertThat(text(alert, "category")).containsOnly("Security");
        Element firstInfo = (Element) infos.item(0);
        assertThat(eventCodes(firstInfo)).containsExactly("MUSTER-LEVEL=DO_NOT_TRAVEL", "MUSTER-ACTION=LEAVE_IMMEDIATELY");
        assertThat(text(firstInfo, "value")).contains("AF-KAB", "AF-BAL");
        assertThat(text(firstInfo, "circle")).containsExactly("34.5659,69.2121 3.5");
        assertThat(text(firstInfo, "polygon")).containsExactly("34.5,69.1 34.5,69.25 34.58,69.25 34.58,69.1 34.5,69.1");
        assertThat(text(firstInfo, "areaDesc")).contains("Hamid Karzai International Airport");
    }

    @Test
    @TestSecurity(user = "officer-ana", roles = {"consular-officer", "consular-viewer"})
    void an_advisory_with_no_action_takes_its_response_urgency_and_certainty_from_the_level() throws Exception {
        String id = given().contentType(ContentType.JSON).body(AdvisoryFixtures.with(
                        AdvisoryFixtures.with(AdvisoryFixtures.leaveImmediately(), "level", "RECONSIDER_TRAVEL"), "action", "NONE"))
                .post("/advisories").then().statusCode(201).extract().path("id");

        Element alert = parse(given().get("/public/advisories/" + id + "/cap").then().statusCode(200)
                .extract().asString()).getDocumentElement();
        assertThat(text(alert, "responseType")).containsOnly("Avoid");
        assertThat(text(alert, "urgency")).containsOnly("Expected");
        assertThat(text(alert, "severity")).containsOnly("Severe");
        assertThat(text(alert, "certainty")).containsOnly("Likely");
        assertThat(eventCodes((Element) alert.getElementsByTagNameNS(CapMessages.NAMESPACE, "info").item(0)))
                .containsExactly("MUSTER-LEVEL=RECONSIDER_TRAVEL", "MUSTER-ACTION=NONE");
    }

    @Test
    @TestSecurity(user = "officer-ana", roles = {"consular-officer", "consular-viewer"})
    void updates_and_cancellations_refer_to_the_version_before() throws Exception {
        String id = issue();
        given().post("/advisories/" + id + "/cancel").then().statusCode(200);

        Document cap = parse(given().get("/public/advisories/" + id + "/cap").then().statusCode(200).extract().asString());
        assertThat(text(cap.getDocumentElement(), "msgType")).containsExactly("Cancel");
        assertThat(text(cap.getDocumentElement(), "references").get(0))
                .contains("muster-advisory-" + id + "-v1");
        Document first = parse(given().get("/public/advisories/" + id + "/versions/1/cap").then().statusCode(200)
                .extract().asString());
        assertThat(text(first.getDocumentElement(), "msgType")).containsExactly("Alert");
    }

    @Test
    @TestSecurity(user = "officer-ana", roles = {"consular-officer", "consular-viewer"})
    void the_atom_feed_lists_the_advisories_in_force_with_links_to_their_cap() throws Exception {
        String current = issue();
        String cancelled = issue();
        given().post("/advisories/" + cancelled + "/cancel").then().statusCode(200);

        String xml = given().get("/public/advisories/feed.atom").then().statusCode(200)
                .contentType("application/atom+xml").extract().asString();
        Element feed = parse(xml).getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(AtomFeed.NAMESPACE);
        List<String> ids = text(feed, "id");
        assertThat(ids).contains("urn:uuid:" + current).doesNotContain("urn:uuid:" + cancelled);
        NodeList links = feed.getElementsByTagNameNS(AtomFeed.NAMESPACE, "link");
        List<String> hrefs = new ArrayList<>();
        for (int i = 0; i < links.getLength(); i++) {
            hrefs.add(((Element) links.item(i)).getAttribute("href"));
        }
        assertThat(hrefs).anyMatch(h -> h.endsWith("/public/advisories/" + current + "/cap"));
    }

    @Test
    void the_feeds_need_no_token_and_an_unknown_advisory_is_404() {
        given().get("/public/advisories/feed.atom").then().statusCode(200);
        given().get("/public/advisories/" + java.util.UUID.randomUUID() + "/cap").then().statusCode(404);
    }

    private static String issue() {
        return given().contentType(ContentType.JSON).body(AdvisoryFixtures.leaveImmediately())
                .post("/advisories").then().statusCode(201).extract().path("id");
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** The {@code <eventCode>}s of an info as valueName=value, in order. */
    static List<String> eventCodes(Element info) {
        NodeList codes = info.getElementsByTagNameNS(CapMessages.NAMESPACE, "eventCode");
        List<String> values = new ArrayList<>();
        for (int i = 0; i < codes.getLength(); i++) {
            Element code = (Element) codes.item(i);
            values.add(text(code, "valueName").get(0) + "=" + text(code, "value").get(0));
        }
        return values;
    }

    static List<String> text(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS("*", name);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent());
        }
        return values;
    }
}
