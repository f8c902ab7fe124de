package org.muster.alerts.campaign;

import org.junit.jupiter.api.Test;
import org.muster.alerts.AdvisoryFixtures;

import static org.assertj.core.api.Assertions.assertThat;

class SmsSegmentsTest {

    @Test
    void plain_latin_text_is_gsm7_and_fits_160_in_one_part() {
        assertThat(SmsSegments.of("a".repeat(160))).isEqualTo(new SmsSegments.Result(SmsSegments.Encoding.GSM_7, 160, 1));
        assertThat(SmsSegments.of("a".repeat(161)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("a".repeat(306)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("a".repeat(307)).segments()).isEqualTo(3);
    }

    @Test
    void french_and_german_accents_of_the_basic_table_stay_gsm7() {
        assertThat(SmsSegments.of("Quittez l'Afghanistan immédiatement à l'aéroport").encoding())
                .isEqualTo(SmsSegments.Encoding.GSM_7);
        assertThat(SmsSegments.of("Verlassen Sie Afghanistan sofort: Straße, Übergang").encoding())
                .isEqualTo(SmsSegments.Encoding.GSM_7);
    }

    @Test
    void extension_table_characters_count_twice() {
        assertThat(SmsSegments.of("€").units()).isEqualTo(2);
        assertThat(SmsSegments.of("[a]").units()).isEqualTo(5);
        assertThat(SmsSegments.of("€".repeat(80)).segments()).isEqualTo(1);
        assertThat(SmsSegments.of("€".repeat(81)).segments()).isEqualTo(2);
    }

    @Test
    void a_character_outside_gsm7_makes_the_whole_text_ucs2() {
        assertThat(SmsSegments.of("ç").encoding()).isEqualTo(SmsSegments.Encoding.UCS_2); // only Ç is in the table
        assertThat(SmsSegments.of("a".repeat(70) + "ê")).isEqualTo(new SmsSegments.Result(SmsSegments.Encoding.UCS_2, 71, 2));
        assertThat(SmsSegments.of("ب".repeat(70)).segments()).isEqualTo(1);
        assertThat(SmsSegments.of("ب".repeat(134)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("ب".repeat(135)).segments()).isEqualTo(3);
    }

    @Test
    void dari_and_pashto_are_ucs2() {
        assertThat(SmsSegments.of(AdvisoryFixtures.DARI_HEADLINE).encoding()).isEqualTo(SmsSegments.Encoding.UCS_2);
        assertThat(SmsSegments.of(AdvisoryFixtures.PASHTO_BODY).encoding()).isEqualTo(SmsSegments.Encoding.UCS_2);
    }

    @Test
    void an_emoji_takes_two_ucs2_units_and_empty_text_no_part() {
        assertThat(SmsSegments.of("\uD83D\uDE00").units()).isEqualTo(2);
        assertThat(SmsSegments.of("").segments()).isZero();
    }
}
