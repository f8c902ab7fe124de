package org.muster.notifier.sending;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SmsEncodingTest {

    @ParameterizedTest
    @CsvSource({
            "A, 160, GSM-7, 1",
            "A, 161, GSM-7, 2",
            "A, 306, GSM-7, 2",
            "A, 307, GSM-7, 3",
            "€, 80, GSM-7, 1",      // extension characters take two septets
            "€, 81, GSM-7, 2",
            "é, 160, GSM-7, 1",     // in the basic table
            "ê, 70, UCS-2, 1",      // not in it
            "ê, 71, UCS-2, 2",
            "ک, 134, UCS-2, 2",
            "ک, 135, UCS-2, 3"})
    void counts_like_a_carrier(String character, int times, String encoding, int segments) {
        SmsEncoding.Count count = SmsEncoding.of(character.repeat(times));

        assertThat(count.encoding()).isEqualTo(encoding);
        assertThat(count.segments()).isEqualTo(segments);
    }

    @ParameterizedTest
    @CsvSource({"35, 1", "36, 2"})
    void surrogate_pairs_are_never_split(int emojis, int segments) {
        assertThat(SmsEncoding.of("\uD83D\uDE91".repeat(emojis)).segments()).isEqualTo(segments);
    }
}
