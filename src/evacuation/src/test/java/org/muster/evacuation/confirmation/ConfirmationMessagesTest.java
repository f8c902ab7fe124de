package org.muster.evacuation.confirmation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ConfirmationMessagesTest {

    private static final ConfirmationMessages.Seat SEAT = new ConfirmationMessages.Seat("MU101", "Muster Air", "KBL",
            "DXB", Instant.parse("2026-08-26T14:30:00Z"), "Baron Hotel gate", "Airport Road, Kabul",
            Instant.parse("2026-08-26T09:00:00Z"), null);

    @ParameterizedTest
    @CsvSource({
            "en, en, Your seat is confirmed",
            "fr-FR, fr, Votre place est confirmée",
            "de, de, Ihr Platz auf dem Evakuierungsflug",
            "fa-AF, fa, جای شما در پرواز تخلیه",
            "prs, fa, جای شما در پرواز تخلیه",
            "ps, ps, ستاسو څوکۍ",
            "uz, en, Your seat is confirmed"})
    void each_passenger_reads_the_confirmation_in_their_language_with_every_fact(String asked, String used,
                                                                                 String opening) {
        ConfirmationMessages.Message message = ConfirmationMessages.render(asked, SEAT);

        assertThat(message.language()).isEqualTo(used);
        assertThat(message.body()).startsWith(opening)
                .contains("MU101", "Muster Air", "KBL", "DXB", "2026-08-26 14:30 UTC", "Baron Hotel gate",
                        "Airport Road, Kabul", "2026-08-26 09:00 UTC");
        assertThat(message.subject()).contains("MU101");
    }
}
