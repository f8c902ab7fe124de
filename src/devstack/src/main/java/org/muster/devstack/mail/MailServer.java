package org.muster.devstack.mail;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpHandler;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.smtp.commands.SmtpCommandRegistry;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A real SMTP server on loopback (GreenMail) that keeps every message it accepts, so tests and a person running
 * {@code make run} can read what would have been emailed.
 *
 * <p>Like a real relay, it can refuse a recipient at {@code RCPT TO}, before any data is sent:
 * <table>
 *   <caption>Recipients refused</caption>
 *   <tr><th>address</th><th>reply</th><th>meaning</th></tr>
 *   <tr><td>{@code bounce@...} or {@code bounce+anything@...}</td>
 *       <td>{@code 550 5.1.1 <address>: Recipient address rejected: User unknown}</td>
 *       <td>a hard rejection: the address will never work</td></tr>
 *   <tr><td>{@code defer@...} or {@code defer+anything@...}</td>
 *       <td>{@code 451 4.3.0 <address>: Temporary failure, try again later}</td>
 *       <td>a transient refusal (greylisting, a full queue): worth another attempt</td></tr>
 *   <tr><td>whatever {@link #rejectRecipients} adds</td><td>its reply</td><td></td></tr>
 * </table>
 * A refused recipient's mail is not stored. Everything else is accepted.
 */
public final class MailServer implements AutoCloseable {

    /** {@code bounce@...}, {@code bounce+x@...}: answered {@link #USER_UNKNOWN}. */
    public static final Pattern BOUNCE = Pattern.compile("(?i)bounce(\\+[^@]*)?@.+");
    /** {@code defer@...}, {@code defer+x@...}: answered {@link #TRY_LATER}. */
    public static final Pattern DEFER = Pattern.compile("(?i)defer(\\+[^@]*)?@.+");
    public static final String USER_UNKNOWN = "550 5.1.1 <%s>: Recipient address rejected: User unknown";
    public static final String TRY_LATER = "451 4.3.0 <%s>: Temporary failure, try again later";

    private static final Pattern REPLY = Pattern.compile("[45][0-9][0-9] .*");

    /** A refusal: recipients matching {@code address} get {@code reply}, {@code remaining} more times (-1: always). */
    private record Rejection(Pattern address, String reply, AtomicInteger remaining) {
        /** The reply for this recipient, or null; counts one use. */
        String replyTo(String recipient) {
            if (!address.matcher(recipient).matches()) {
                return null;
            }
            if (remaining.get() >= 0 && remaining.getAndUpdate(left -> Math.max(0, left - 1)) == 0) {
                return null;
            }
            return reply.replace("%s", recipient);
        }
    }

    private final RefusingGreenMail greenMail;
    private final List<Rejection> rejections = new CopyOnWriteArrayList<>();

    private MailServer(RefusingGreenMail greenMail) {
        this.greenMail = greenMail;
        greenMail.server = this;
        resetRejections();
    }

    /** @param port 0 for a free port */
    public static MailServer start(int port) {
        ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        if (port == 0) {
            smtp = smtp.dynamicPort();
        }
        smtp.setServerStartupTimeout(10_000);
        MailServer server = new MailServer(new RefusingGreenMail(smtp));
        server.greenMail.start();
        return server;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /**
     * From now on, recipients whose whole address matches {@code address} are refused at {@code RCPT TO} with
     * {@code reply} ({@code %s} in it becomes the address), the next {@code times} times, or always if
     * {@code times} is negative. Checked before the built-in {@code bounce} and {@code defer} addresses.
     *
     * @param reply an SMTP reply, 4xx (transient) or 5xx (permanent), e.g. {@code "552 5.2.2 Mailbox full"}
     */
    public void rejectRecipients(Pattern address, String reply, int times) {
        Objects.requireNonNull(address, "address");
        if (reply == null || !REPLY.matcher(reply).matches()) {
            throw new IllegalArgumentException("reply must be a 4xx or 5xx SMTP reply such as '550 5.1.1 ...': "
                    + reply);
        }
        rejections.add(0, new Rejection(address, reply, new AtomicInteger(times < 0 ? -1 : times)));
    }

    /** Forgets the refusals added by {@link #rejectRecipients}; the built-in ones stay. */
    public void resetRejections() {
        rejections.clear();
        rejections.add(new Rejection(BOUNCE, USER_UNKNOWN, new AtomicInteger(-1)));
        rejections.add(new Rejection(DEFER, TRY_LATER, new AtomicInteger(-1)));
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

    /** Forgets the messages received (the refusals stay). */
    public void reset() {
        greenMail.reset();
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    /** The reply refusing {@code recipient}, or null to accept it. */
    String refusal(String recipient) {
        for (Rejection rejection : rejections) {
            String reply = rejection.replyTo(recipient);
            if (reply != null) {
                return reply;
            }
        }
        return null;
    }

    /**
     * GreenMail whose SMTP sessions ask the {@link MailServer} about each recipient. GreenMail builds its services
     * from its constructor, before this class's fields exist: the server is read when a client connects.
     */
    private static final class RefusingGreenMail extends GreenMail {
        private volatile MailServer server;

        RefusingGreenMail(ServerSetup setup) {
            super(setup);
        }

        @Override
        protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
            Map<String, AbstractServer> services = super.createServices(config, managers);
            for (ServerSetup setup : config) {
                if (setup.getProtocol().equals(ServerSetup.PROTOCOL_SMTP)) {
                    services.put(setup.getProtocol(), new SmtpServer(setup, managers) {
                        @Override
                        protected ProtocolHandler createProtocolHandler(Socket socket) {
                            return new SmtpHandler(new SmtpCommandRegistry(),
                                    new RefusingSmtpManager(managers, RefusingGreenMail.this::refusal), socket);
                        }
                    });
                }
            }
            return services;
        }

        private String refusal(String recipient) {
            MailServer owner = server;
            return owner == null ? null : owner.refusal(recipient);
        }
    }

    /** GreenMail's SMTP manager, asking first whether a recipient is refused. */
    private static final class RefusingSmtpManager extends SmtpManager {
        private final SmtpManager delegate;
        private final java.util.function.UnaryOperator<String> refusal;

        RefusingSmtpManager(Managers managers, java.util.function.UnaryOperator<String> refusal) {
            super(managers.getImapHostManager(), managers.getUserManager());
            this.delegate = managers.getSmtpManager();
            this.refusal = refusal;
        }

        @Override
        public String checkRecipient(SmtpState state, MailAddress address) {
            String refused = refusal.apply(address.getEmail());
            return refused != null ? refused : delegate.checkRecipient(state, address);
        }

        @Override
        public String checkSender(SmtpState state, MailAddress address) {
            return delegate.checkSender(state, address);
        }

        @Override
        public String checkData(SmtpState state) {
            return delegate.checkData(state);
        }

        /** Through GreenMail's own manager, so that its waiters ({@code waitForIncomingEmail}) hear of it. */
        @Override
        public void send(SmtpState state) {
            delegate.send(state);
        }
    }
}
