package org.muster.notifier.sending;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.muster.notifier.delivery.Outgoing;
import org.muster.notifier.delivery.SendResult;

/**
 * E-mail through SMTP (Quarkus Mailer): HTML and plain text from the per-language templates in
 * {@code templates/email/}. A 5xx reply from the server is a hard rejection and is not retried; a 4xx reply or a
 * connection failure is.
 */
@ApplicationScoped
public class EmailProvider {

    private static final Pattern SMTP_REPLY = Pattern.compile("(?<![0-9])([45][0-9][0-9])[ -]");

    @Inject
    Mailer mailer;

    @Inject
    Engine templates;

    @ConfigProperty(name = "quarkus.mailer.host", defaultValue = "smtp")
    String host;

    public String accountName() {
        return "smtp:" + host;
    }

    public SendResult send(Outgoing outgoing) {
        String language = LanguageKeys.of(outgoing.language());
        String messageId = "<" + outgoing.id() + "@muster.notifier>";
        Mail mail = Mail.withHtml(outgoing.address(), outgoing.subject(),
                        render("html", language, outgoing))
                .setText(render("txt", language, outgoing))
                .addHeader("Message-ID", messageId);
        try {
            mailer.send(mail);
            return new SendResult.Accepted(messageId, null, null);
        } catch (RuntimeException e) {
            String reply = smtpReply(e);
            if (reply != null && reply.startsWith("5")) {
                return new SendResult.Permanent("SMTP_" + reply, e.getMessage());
            }
            return new SendResult.Retryable(reply == null ? "SMTP_CONNECTION" : "SMTP_" + reply, null,
                    e.getMessage());
        }
    }

    private String render(String kind, String language, Outgoing outgoing) {
        Template template = templates.getTemplate("email/alert-" + language + "." + kind);
        if (template == null) {
            template = templates.getTemplate("email/alert-en." + kind);
        }
        return template.data("subject", outgoing.subject()).data("body", outgoing.body()).render();
    }

    /** The SMTP reply code in the failure, if the server answered at all. */
    static String smtpReply(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                Matcher matcher = SMTP_REPLY.matcher(cause.getMessage());
                if (matcher.find()) {
                    return matcher.group(1);
                }
            }
        }
        return null;
    }
}
