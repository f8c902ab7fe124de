package org.muster.evacuation.confirmation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The text of a seat confirmation, in the passenger's language where Muster has a translation
 * (English and French so far), otherwise English. The assembly point's instructions come in the
 * passenger's language when the officer wrote them in it. Times are UTC, said so in the text.
 */
public final class ConfirmationMessages {

    /** A rendered message: the language actually used, a subject for e-mail, the body. */
    public record Message(String language, String subject, String body) {
    }

    /** What a confirmation says. */
    public record Seat(String flightNumber, String carrier, String origin, String destination, Instant departure,
                       String assemblyName, String assemblyPlace, Instant reportingTime, String instructions) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final Map<String, String[]> TEMPLATES = Map.of(
            "en", new String[] {
                "Your seat on evacuation flight %s",
                "Your seat is confirmed on evacuation flight %s (%s), %s to %s, departing %s. "
                        + "Report to %s, %s, by %s. %s Bring your passport or identity card."},
            "fr", new String[] {
                "Votre place sur le vol d'évacuation %s",
                "Votre place est confirmée sur le vol d'évacuation %s (%s), de %s à %s, départ le %s. "
                        + "Présentez-vous à %s, %s, avant %s. %s Munissez-vous de votre passeport ou de votre carte d'identité."},
            "de", new String[] {
                "Ihr Platz auf dem Evakuierungsflug %s",
                "Ihr Platz auf dem Evakuierungsflug %s (%s) von %s nach %s, Abflug %s, ist bestätigt. "
                        + "Melden Sie sich bei %s, %s, bis %s. %s Bringen Sie Ihren Reisepass oder Personalausweis mit."},
            // Dari (fa-AF, also tagged prs): right to left; the codes and times stay left to right inside it.
            "fa", new String[] {
                "جای شما در پرواز تخلیه %s",
                "جای شما در پرواز تخلیه %s (%s) از %s به %s، زمان حرکت %s، تأیید شد. "
                        + "به %s، %s، تا %s مراجعه کنید. %s پاسپورت یا تذکره خود را همراه داشته باشید."},
            "ps", new String[] {
                "د وتلو په الوتنه %s کې ستاسو څوکۍ",
                "ستاسو څوکۍ د وتلو په الوتنه %s (%s) کې تایید شوه، له %s څخه %s ته، د حرکت وخت %s. "
                        + "%s، %s ته تر %s پورې ورشئ. %s خپل پاسپورټ یا تذکره له ځانه سره راوړئ."});

    /** Language tags that share a template: Dari is tagged fa-AF or prs. */
    private static final Map<String, String> SAME_TEXT = Map.of("prs", "fa");

    private ConfirmationMessages() {
    }

    public static Message render(String language, Seat seat) {
        String tag = language == null ? "en" : Locale.forLanguageTag(language).getLanguage();
        String primary = SAME_TEXT.getOrDefault(tag, tag);
        String used = TEMPLATES.containsKey(primary) ? primary : "en";
        String[] template = TEMPLATES.get(used);
        String instructions = seat.instructions() == null || seat.instructions().isBlank() ? ""
                : seat.instructions().strip();
        String body = template[1].formatted(seat.flightNumber(), seat.carrier(), seat.origin(), seat.destination(),
                TIME.format(seat.departure()), seat.assemblyName(), seat.assemblyPlace(),
                TIME.format(seat.reportingTime()), instructions).replaceAll(" {2,}", " ");
        // An SMS may carry at most 1,600 characters; long instructions are cut, not the essentials.
        if (body.length() > 1600) {
            body = body.substring(0, 1597) + "...";
        }
        return new Message(used, template[0].formatted(seat.flightNumber()), body);
    }
}
