package org.muster.testing;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What MusterStackResource hands to Quarkus reaches real, working components. */
class MusterStackResourceTest {

    private static Map<String, String> config;

    @BeforeAll
    static void start() {
        MusterStackResource resource = new MusterStackResource();
        resource.init(Map.of(MusterStackResource.SCHEMA_ARG, "stacktest"));
        config = resource.start();
    }

    @Test
    void the_datasource_opens_in_the_service_schema() throws Exception {
        try (Connection c = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
             ResultSet rs = c.createStatement().executeQuery("SELECT current_schema()")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("stacktest");
        }
        assertThat(config).containsEntry("quarkus.flyway.schemas", "stacktest")
                .containsEntry("quarkus.devservices.enabled", "false");
    }

    @Test
    void kafka_takes_a_new_topic() throws Exception {
        String topic = "stacktest." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.get("kafka.bootstrap.servers")))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
            assertThat(admin.listTopics().names().get()).contains(topic);
        }
    }

    @Test
    void mail_sent_to_the_configured_smtp_server_is_kept_for_the_test() throws Exception {
        String to = "amina." + UUID.randomUUID() + "@example.org";
        ServerSetup smtp = new ServerSetup(Integer.parseInt(config.get("quarkus.mailer.port")),
                config.get("quarkus.mailer.host"), ServerSetup.PROTOCOL_SMTP);
        GreenMailUtil.sendTextEmail(to, "consulate@example.org", "Leave immediately", "Report to gate 3.", smtp);

        assertThat(TestStack.mail().receivedBy(to)).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).isEqualTo("Leave immediately"));
    }

    @Test
    void the_twilio_sandbox_accepts_a_message_with_the_configured_credentials() throws Exception {
        String sid = config.get("muster.twilio.account-sid");
        String auth = Base64.getEncoder().encodeToString(
                (sid + ":" + config.get("muster.twilio.auth-token")).getBytes(StandardCharsets.UTF_8));
        String to = "+93700" + (100_000 + (int) (Math.random() * 800_000));
        String form = "To=" + URLEncoder.encode(to, StandardCharsets.UTF_8) + "&From=%2B15005550006&Body=Leave+now";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(config.get("muster.twilio.base-url")).resolve("/2010-04-01/Accounts/" + sid + "/Messages.json"))
                .header("Authorization", "Basic " + auth)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(TestStack.twilio().messagesTo(to)).hasSize(1);
    }
}
