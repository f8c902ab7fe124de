package org.muster.acceptance;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.io.IOException;
import java.io.UncheckedIOException;

/** What a received mail says, all its parts (plain text and HTML) as one text. */
final class Mails {

    private Mails() {
    }

    static String text(MimeMessage mail) {
        try {
            return mail.getSubject() + "\n" + text(mail.getContent());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Object content) throws MessagingException, IOException {
        if (content instanceof MimeMultipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(text(multipart.getBodyPart(i).getContent())).append('\n');
            }
            return text.toString();
        }
        return String.valueOf(content);
    }
}
