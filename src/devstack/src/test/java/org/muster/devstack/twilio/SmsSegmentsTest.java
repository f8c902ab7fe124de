package org.muster.devstack.twilio;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmsSegmentsTest {

    @Test
    void gsm7_fits_160_septets_in_one_segment_and_153_per_concatenated_segment() {
        assertThat(SmsSegments.count("a".repeat(160))).isEqualTo(new SmsSegments.Count(SmsSegments.Encoding.GSM7, 1));
        assertThat(SmsSegments.count("a".repeat(161)).segments()).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(459)).segments()).isEqualTo(3);
        assertThat(SmsSegments.count("a".repeat(460)).segments()).isEqualTo(4);
    }

    @Test
    void extension_characters_take_two_septets_and_stay_whole() {
        assertThat(SmsSegments.count("€".repeat(80)).segments()).isEqualTo(1);
        assertThat(SmsSegments.count("€".repeat(81)).segments()).isEqualTo(2);
        // 306 septets would fit two segments of 153, but the euro sign after 152 septets cannot straddle the
        // boundary: it opens segment two, which then overflows into a third.
        assertThat(SmsSegments.count("a".repeat(152) + "€" + "a".repeat(152)).segments()).isEqualTo(3);
        assertThat(SmsSegments.count("a".repeat(153) + "€" + "a".repeat(151)).segments()).isEqualTo(2);
    }

    @Test
    void one_character_outside_gsm7_makes_the_whole_message_ucs2_at_70_then_67() {
        assertThat(SmsSegments.count("a".repeat(69) + "ş")).isEqualTo(new SmsSegments.Count(SmsSegments.Encoding.UCS2, 1));
        assertThat(SmsSegments.count("a".repeat(70) + "ş").segments()).isEqualTo(2);
        assertThat(SmsSegments.count("پ".repeat(134)).segments()).isEqualTo(2);
        assertThat(SmsSegments.count("پ".repeat(135)).segments()).isEqualTo(3);
    }

    @Test
    void an_emoji_takes_two_ucs2_units_that_are_never_split() {
        assertThat(SmsSegments.count("🚨".repeat(35)).segments()).isEqualTo(1);
        assertThat(SmsSegments.count("a".repeat(69) + "🚨").segments()).isEqualTo(2);
        // 134 units would fit two segments of 67, but the surrogate pair after 66 units cannot straddle the
        // boundary: it opens segment two, which then overflows into a third.
        assertThat(SmsSegments.count("a".repeat(66) + "🚨" + "a".repeat(66)).segments()).isEqualTo(3);
        assertThat(SmsSegments.count("a".repeat(67) + "🚨" + "a".repeat(65)).segments()).isEqualTo(2);
    }
}
