package org.muster.devstack.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Properties;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SMTP server over a real SMTP client (Angus Mail): accepted mail is kept, refused recipients get their reply. */
class MailServerTest {

    private static MailServer server;

    @BeforeAll
    static void start() {
        server = MailServer.start(0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void clean() {
        server.reset();
        server.resetRejections();
    }

    @Test
    void an_ordinary_recipient_gets_the_mail() throws Exception {
        send("ahmad@example.org");

        assertThat(server.receivedBy("ahmad@example.org")).singleElement()
                .satisfies(mail -> assertThat(mail.getSubject()).isEqualTo("Leave now"));
    }

    @Test
    void a_bounce_address_is_refused_for_good_at_rcpt_to() {
        assertThatThrownBy(() -> send("bounce+ahmad@example.org"))
                .isInstanceOf(SendFailedException.class)
                .satisfies(e -> assertThat(chain(e)).contains(
                        "550 5.1.1 <bounce+ahmad@example.org>: Recipient address rejected: User unknown"));
        assertThat(server.received()).isEmpty();
    }

    @Test
    void a_defer_address_is_refused_for_now() {
        assertThatThrownBy(() -> send("defer@example.org"))
                .isInstanceOf(SendFailedException.class)
                .satisfies(e -> assertThat(chain(e)).contains("451 4.3.0 <defer@example.org>"));
        assertThat(server.received()).isEmpty();
    }

    @Test
    void a_configured_refusal_holds_as_many_times_as_asked_then_the_mail_goes_through() throws Exception {
        server.rejectRecipients(Pattern.compile("maryam@example\\.org"), "452 4.2.2 <%s>: Mailbox full", 2);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> send("maryam@example.org"))
                    .satisfies(e -> assertThat(chain(e)).contains("452 4.2.2 <maryam@example.org>: Mailbox full"));
        }
        send("maryam@example.org");

        assertThat(server.receivedBy("maryam@example.org")).hasSize(1);
    }

    @Test
    void only_smtp_error_replies_can_be_configured() {
        assertThatThrownBy(() -> server.rejectRecipients(Pattern.compile(".*"), "250 OK", -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void send(String to) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", server.host());
        properties.put("mail.smtp.port", String.valueOf(server.port()));
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("alerts@muster.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("Leave now");
        message.setText("Go to the airport, gate 3.");
        Transport.send(message);
    }

    private static String chain(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            text.append(cause.getMessage()).append(" | ");
            if (cause instanceof MessagingException messaging && messaging.getNextException() != null
                    && messaging.getNextException() != cause.getCause()) {
                text.append(messaging.getNextException().getMessage()).append(" | ");
            }
        }
        return text.toString();
    }
}
