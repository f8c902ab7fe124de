package org.muster.acceptance;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.muster.devstack.twilio.SandboxMessage;
import org.muster.devstack.twilio.TwilioSandbox;
import org.muster.testing.ServiceProcess;
import org.muster.testing.TestStack;
import org.muster.testing.keycloak.KeycloakTestResource;
import org.muster.testing.keycloak.KeycloakTokens;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The journey issue #5 asks for, across the packaged registry, alerts and notifier, each in a
 * process of its own, on the real PostgreSQL, Kafka, Keycloak, SMTP server and Twilio sandbox:
 * nationals register in two provinces (and one in a third, who must hear nothing), an officer
 * issues "leave immediately" for the two, a second officer approves the campaign, every one of
 * them gets the SMS and the email in their language, one answers SAFE in Dari and one HELP in
 * French, and the registry and the campaign's progress show it.
 */
class LeaveNowJourneyIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private static TwilioSandbox sandbox;
    private static ServiceProcess registry;
    private static ServiceProcess alerts;
    private static ServiceProcess notifier;
    private static KeycloakTokens tokens;

    /** A national of the journey: who, where, in which language, and what they must read. */
    record Person(String givenNames, String familyName, String language, String region, String phone,
                  String email, String mustRead) {
    }

    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    // Numbers end in 1: the sandbox fails those ending 0003, 0005, 0006 (DeliveryOutcome) and 0429, 0500, 0599 (ApiFault).
    private static final Person DARI_KABUL = new Person("Laila", "Rahimi" + RUN, "fa-AF", "AF-KAB",
            "+93700410011", "laila." + RUN + "@example.org", "فوراً");
    private static final Person FRENCH_BALKH = new Person("Jean", "Martin" + RUN, "fr", "AF-BAL",
            "+93700410021", "jean." + RUN + "@example.org", "immédiatement");
    private static final Person GERMAN_BALKH = new Person("Anna", "Weber" + RUN, "de", "AF-BAL",
            "+93700410031", "anna." + RUN + "@example.org", "sofort");
    private static final Person ENGLISH_HERAT = new Person("Tom", "Baker" + RUN, "en", "AF-HER",
            "+93700410041", "tom." + RUN + "@example.org", "now");
    private static final List<Person> WARNED = List.of(DARI_KABUL, FRENCH_BALKH, GERMAN_BALKH);

    @BeforeAll
    static void startTheServices() {
        String issuer = KeycloakTestResource.ensureStarted();
        tokens = KeycloakTokens.running();
        int notifierPort = ServiceProcess.freePort();
        sandbox = new TwilioSandbox(TwilioSandbox.Config.builder()
                .inboundWebhookUrl(URI.create("http://127.0.0.1:" + notifierPort + "/twilio/inbound"))
                .build()).start();
        registry = ServiceProcess.of("registry").oidc(issuer).build();
        // Two people are above the threshold: the launch must wait for a second officer.
        alerts = ServiceProcess.of("alerts").oidc(issuer).env("MUSTER_ALERTS_APPROVAL_THRESHOLD", "2").build();
        notifier = ServiceProcess.of("notifier").oidc(issuer).twilio(sandbox).port(notifierPort).build();
        CompletableFuture.allOf(
                CompletableFuture.runAsync(registry::start),
                CompletableFuture.runAsync(alerts::start),
                CompletableFuture.runAsync(notifier::start)).join();
    }

    @AfterAll
    static void stopTheServices() {
        for (AutoCloseable running : new AutoCloseable[] {registry, alerts, notifier, sandbox}) {
            try {
                if (running != null) {
                    running.close();
                }
            } catch (Exception ignored) {
                // The JVM ends with the suite; the stack's hooks clean up the rest.
            }
        }
    }

    @Test
    void leave_now_reaches_everyone_in_both_provinces_in_their_language_and_their_answers_come_back() {
        Map<Person, String> ids = new LinkedHashMap<>();
        for (Person person : List.of(DARI_KABUL, FRENCH_BALKH, GERMAN_BALKH, ENGLISH_HERAT)) {
            ids.put(person, register(person));
        }

        String officer = tokens.officer();
        String advisory = at(alerts, officer).contentType(ContentType.JSON).body(advisory())
                .post("/advisories").then().statusCode(201).extract().path("id");
        String campaign = at(alerts, officer).contentType(ContentType.JSON).body(campaign(advisory))
                .post("/campaigns").then().statusCode(201).extract().path("id");

        // Alerts learns the audience from the registry's stream, not from calls to the registry.
        await().atMost(PATIENCE).untilAsserted(() -> at(alerts, officer).get("/campaigns/" + campaign + "/preview")
                .then().statusCode(200)
                .body("people", equalTo(3))
                .body("perRegion.'AF-KAB'.people", equalTo(1))
                .body("perRegion.'AF-BAL'.people", equalTo(2))
                .body("perChannel.SMS", equalTo(3))
                .body("perChannel.EMAIL", equalTo(3))
                .body("approvalRequired", equalTo(true)));

        at(alerts, officer).post("/campaigns/" + campaign + "/launch").then().statusCode(202)
                .body("state", equalTo("AWAITING_APPROVAL"));
        at(alerts, officer).post("/campaigns/" + campaign + "/approve").then().statusCode(403);
        // The approval starts the campaign: its trace follows every message to the provider.
        String traceId = UUID.randomUUID().toString().replace("-", "");
        at(alerts, tokens.admin()).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .post("/campaigns/" + campaign + "/approve").then().statusCode(200)
                .body("state", equalTo("RUNNING"));

        await().atMost(PATIENCE).untilAsserted(() -> {
            for (Person person : WARNED) {
                List<SandboxMessage> sms = outbound(person.phone());
                assertThat(sms).as("SMS to %s", person.phone()).hasSize(1);
                assertThat(sms.get(0).body()).contains(person.givenNames()).contains(person.mustRead());
                assertThat(TestStack.mail().receivedBy(person.email())).as("mail to %s", person.email()).hasSize(1);
            }
        });
        for (Person person : WARNED) {
            MimeMessage mail = TestStack.mail().receivedBy(person.email()).get(0);
            assertThat(Mails.text(mail)).contains(person.givenNames()).contains(person.mustRead());
            assertThat(outbound(person.phone()).get(0).traceParent()).as("the SMS's trace").contains("-" + traceId + "-");
        }
        // Both services export their spans (OTLP over HTTP, to the launcher's sink here).
        await().atMost(PATIENCE).until(() -> alerts.traceExports() > 0 && notifier.traceExports() > 0);

        sandbox.injectInboundSms(DARI_KABUL.phone(), sandbox.config().serviceSenderNumber(), "امن");
        sandbox.injectInboundSms(FRENCH_BALKH.phone(), sandbox.config().serviceSenderNumber(), "Au secours");

        String viewer = tokens.viewer();
        await().atMost(PATIENCE).untilAsserted(() -> {
            at(registry, viewer).get("/nationals/" + ids.get(DARI_KABUL)).then().statusCode(200)
                    .body("welfareStatus", equalTo("SAFE"));
            at(registry, viewer).get("/nationals/" + ids.get(FRENCH_BALKH)).then().statusCode(200)
                    .body("welfareStatus", equalTo("NEEDS_HELP"));
        });
        await().atMost(PATIENCE).untilAsserted(() -> at(alerts, viewer).get("/campaigns/" + campaign + "/progress")
                .then().statusCode(200)
                .body("repliedSafe", equalTo(1))
                .body("repliedHelp", equalTo(1))
                .body("rows.findAll { it.channel == 'SMS' }.requested.sum()", equalTo(3))
                .body("rows.findAll { it.channel == 'SMS' }.delivered.sum()", equalTo(3))
                .body("rows.findAll { it.channel == 'EMAIL' }.requested.sum()", equalTo(3))
                .body("rows.findAll { it.channel == 'EMAIL' }.failed.sum()", equalTo(0))
                .body("rows.find { it.channel == 'SMS' && it.region == 'AF-BAL' }.repliedHelp", equalTo(1))
                .body("rows.find { it.channel == 'SMS' && it.region == 'AF-KAB' }.repliedSafe", equalTo(1))
                .body("unreached.size()", equalTo(0)));
        at(registry, viewer).get("/nationals/" + ids.get(GERMAN_BALKH)).then().statusCode(200)
                .body("welfareStatus", equalTo("UNKNOWN"));

        // Herat was not in the advisory: nothing reached it.
        assertThat(outbound(ENGLISH_HERAT.phone())).isEmpty();
        assertThat(TestStack.mail().receivedBy(ENGLISH_HERAT.email())).isEmpty();
    }

    private static String register(Person person) {
        String body = """
                {
                  "registrant": {"givenNames": "%s", "familyName": "%s", "dateOfBirth": "1984-03-21",
                                 "nationality": "GB", "preferredLanguage": "%s",
                                 "document": {"type": "PASSPORT", "number": "%s", "issuingCountry": "GB",
                                              "expiresOn": "2030-06-30"}},
                  "household": [],
                  "location": {"country": "AF", "region": "%s", "city": "-"},
                  "contacts": [{"channel": "SMS", "address": "%s"}, {"channel": "EMAIL", "address": "%s"}],
                  "consent": {"version": "2026-11", "given": true}
                }""".formatted(person.givenNames(), person.familyName(), person.language(),
                "P" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(),
                person.region(), person.phone(), person.email());
        List<String> ids = given().baseUri(registry.baseUri().toString()).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .post("/public/registrations").then().statusCode(201).extract().path("nationalIds");
        return ids.get(0);
    }

    private static Map<String, Object> advisory() {
        Map<String, Object> texts = new LinkedHashMap<>();
        texts.put("en", Map.of("headline", "Leave Afghanistan now", "body", "Leave immediately by any safe means."));
        texts.put("fr", Map.of("headline", "Quittez l'Afghanistan", "body", "Partez immédiatement."));
        texts.put("de", Map.of("headline", "Verlassen Sie Afghanistan", "body", "Reisen Sie sofort aus."));
        texts.put("fa", Map.of("headline", "افغانستان را ترک کنید", "body", "فوراً ترک کنید."));
        texts.put("ps", Map.of("headline", "افغانستان پرېږدئ", "body", "سمدستي ووځئ."));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("country", "AF");
        body.put("level", "DO_NOT_TRAVEL");
        body.put("action", "LEAVE_IMMEDIATELY");
        body.put("regions", List.of("AF-KAB", "AF-BAL"));
        body.put("texts", texts);
        body.put("effectiveAt", Instant.now().minusSeconds(60).toString());
        body.put("expiresAt", Instant.now().plus(Duration.ofDays(2)).toString());
        return body;
    }

    private static Map<String, Object> campaign(String advisoryId) {
        Map<String, Object> templates = new LinkedHashMap<>();
        templates.put("en", Map.of("subject", "Leave now", "body",
                "{name}: leave {regionName} now. Go to {assemblyPoint}. {replyInstructions}"));
        templates.put("fr", Map.of("subject", "Partez maintenant", "body",
                "{name} : quittez {regionName} immédiatement. Rendez-vous à {assemblyPoint}. Répondez SAUF ou AIDE."));
        templates.put("de", Map.of("subject", "Reisen Sie jetzt aus", "body",
                "{name}: Verlassen Sie {regionName} sofort. Treffpunkt: {assemblyPoint}. Antworten Sie SICHER oder HILFE."));
        templates.put("fa", Map.of("subject", "فوراً ترک کنید", "body",
                "{name}، فوراً {regionName} را ترک کنید. {assemblyPoint}. امن یا کمک پاسخ دهید."));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Leave Kabul and Balkh " + RUN);
        body.put("advisoryId", advisoryId);
        body.put("audience", Map.of("regions", List.of("AF-KAB", "AF-BAL")));
        body.put("channels", List.of("SMS", "EMAIL"));
        body.put("channelMode", "ALL");
        body.put("templates", templates);
        body.put("defaultLanguage", "en");
        body.put("assemblyPoint", "Abbey Gate");
        body.put("replyInstructions", "Reply SAFE or HELP.");
        return body;
    }

    private static RequestSpecification at(ServiceProcess service, String token) {
        return given().baseUri(service.baseUri().toString()).auth().oauth2(token);
    }

    private static List<SandboxMessage> outbound(String phone) {
        return sandbox.messagesTo(phone).stream().filter(m -> !m.inbound()).toList();
    }
}
