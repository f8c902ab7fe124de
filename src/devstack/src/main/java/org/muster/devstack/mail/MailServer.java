package org.muster.devstack.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server on loopback (GreenMail) that accepts every message and keeps it, so tests
 * and a person running {@code make run} can read what would have been emailed.
 */
public final class MailServer implements AutoCloseable {

    private final GreenMail greenMail;

    private MailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** @param port 0 for a free port */
    public static MailServer start(int port) {
        ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        if (port == 0) {
            smtp = smtp.dynamicPort();
        }
        smtp.setServerStartupTimeout(10_000);
        GreenMail greenMail = new GreenMail(smtp);
        greenMail.start();
        return new MailServer(greenMail);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    public List<MimeMessage> received() {
        return Arrays.asList(greenMail.getReceivedMessages());
    }

    /** Messages with the given address among their recipients (case-insensitive). */
    public List<MimeMessage> receivedBy(String address) {
        return received().stream().filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients())
                        .anyMatch(r -> r.toString().toLowerCase(java.util.Locale.ROOT)
                                .contains(address.toLowerCase(java.util.Locale.ROOT)));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    public void reset() {
        greenMail.reset();
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
