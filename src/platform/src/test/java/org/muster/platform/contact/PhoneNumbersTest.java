package org.muster.platform.contact;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneNumbersTest {

    @Test
    void a_kabul_mobile_typed_locally_becomes_e164() {
        assertThat(PhoneNumbers.normalise("0700 123 456", "AF"))
                .isEqualTo(new PhoneNumberResult.Accepted("+93700123456", LineType.MOBILE));
    }

    @Test
    void the_region_may_be_given_in_lower_case() {
        assertThat(PhoneNumbers.toE164("0700 123 456", "af")).contains("+93700123456");
    }

    @Test
    void a_french_mobile_with_its_country_code_is_read_the_same_from_anywhere() {
        PhoneNumberResult expected = new PhoneNumberResult.Accepted("+33612345678", LineType.MOBILE);
        assertThat(PhoneNumbers.normalise("+33 6 12 34 56 78", "AF")).isEqualTo(expected);
        assertThat(PhoneNumbers.normalise("+33 6 12 34 56 78", "US")).isEqualTo(expected);
        assertThat(PhoneNumbers.normalise("+33 6 12 34 56 78", null)).isEqualTo(expected);
    }

    @Test
    void a_00_international_prefix_counts_as_plus_even_where_the_local_prefix_differs() {
        assertThat(PhoneNumbers.toE164("00 49 30 1234567", "AF")).contains("+49301234567");
        assertThat(PhoneNumbers.toE164("00 49 30 1234567", "US")).contains("+49301234567");
        assertThat(PhoneNumbers.toE164("0049 151 23456789", null)).contains("+4915123456789");
    }

    @Test
    void punctuation_people_type_is_ignored() {
        assertThat(PhoneNumbers.toE164("(0)700-123.456", "AF")).contains("+93700123456");
    }

    @Test
    void a_kabul_landline_is_a_fixed_line_and_not_likely_mobile() {
        PhoneNumberResult result = PhoneNumbers.normalise("020 230 1234", "AF");
        assertThat(result).isEqualTo(new PhoneNumberResult.Accepted("+93202301234", LineType.FIXED_LINE));
        assertThat(PhoneNumbers.isLikelyMobile("020 230 1234", "AF")).isFalse();
    }

    @Test
    void a_north_american_number_may_be_a_mobile() {
        PhoneNumberResult result = PhoneNumbers.normalise("(201) 555-0123", "US");
        assertThat(result).isEqualTo(new PhoneNumberResult.Accepted("+12015550123", LineType.FIXED_LINE_OR_MOBILE));
        assertThat(PhoneNumbers.isLikelyMobile("+12015550123")).isTrue();
    }

    @Test
    void a_mobile_is_likely_mobile_and_text_is_not() {
        assertThat(PhoneNumbers.isLikelyMobile("+93700123456")).isTrue();
        assertThat(PhoneNumbers.isLikelyMobile("whatsapp:+93700123456")).isTrue();
        assertThat(PhoneNumbers.isLikelyMobile("call me")).isFalse();
        assertThat(PhoneNumbers.isLikelyMobile(null)).isFalse();
    }

    @Test
    void words_are_not_a_phone_number() {
        assertThat(PhoneNumbers.normalise("call me maybe", "AF"))
                .isEqualTo(new PhoneNumberResult.Rejected("not a phone number"));
    }

    @Test
    void nothing_typed_is_rejected() {
        assertThat(PhoneNumbers.normalise("   ", "AF")).isEqualTo(new PhoneNumberResult.Rejected("no phone number given"));
        assertThat(PhoneNumbers.normalise(null, "AF")).isEqualTo(new PhoneNumberResult.Rejected("no phone number given"));
    }

    @Test
    void a_few_digits_are_too_short() {
        assertThat(PhoneNumbers.normalise("0700 12", "AF")).isEqualTo(new PhoneNumberResult.Rejected("too short"));
    }

    @Test
    void a_digit_too_many_is_too_long() {
        assertThat(PhoneNumbers.normalise("0700 123 4567", "AF")).isEqualTo(new PhoneNumberResult.Rejected("too long"));
    }

    @Test
    void a_number_of_the_right_length_outside_the_plan_is_not_valid_for_af() {
        assertThat(PhoneNumbers.normalise("0100 123 456", "AF"))
                .isEqualTo(new PhoneNumberResult.Rejected("not a valid number for AF"));
    }

    @Test
    void a_local_number_without_a_known_region_needs_its_country_code() {
        assertThat(PhoneNumbers.normalise("0700 123 456", null))
                .isEqualTo(new PhoneNumberResult.Rejected("add the country code, starting with +"));
        assertThat(PhoneNumbers.normalise("0700 123 456", "XX"))
                .isEqualTo(new PhoneNumberResult.Rejected("add the country code, starting with +"));
    }

    @Test
    void an_unassigned_country_code_is_rejected() {
        assertThat(PhoneNumbers.normalise("+999 123 456 789", "AF"))
                .isEqualTo(new PhoneNumberResult.Rejected("unknown country code"));
    }

    @Test
    void an_extension_is_rejected_because_it_cannot_be_dialled() {
        assertThat(PhoneNumbers.normalise("020 230 1234 ext. 12", "AF").isAccepted()).isFalse();
    }

    @Test
    void a_twilio_whatsapp_address_is_read_as_its_number() {
        assertThat(PhoneNumbers.toE164("whatsapp:+93 700 123 456", "FR")).contains("+93700123456");
    }

    @Test
    void whatsapp_prefix_is_stripped_and_added() {
        assertThat(PhoneNumbers.stripWhatsapp("whatsapp:+93700123456")).isEqualTo("+93700123456");
        assertThat(PhoneNumbers.stripWhatsapp(" WhatsApp:+93700123456 ")).isEqualTo("+93700123456");
        assertThat(PhoneNumbers.stripWhatsapp("+93700123456")).isEqualTo("+93700123456");
        assertThat(PhoneNumbers.toWhatsapp("+93700123456")).isEqualTo("whatsapp:+93700123456");
        assertThat(PhoneNumbers.toWhatsapp("whatsapp:+93700123456")).isEqualTo("whatsapp:+93700123456");
        assertThat(PhoneNumbers.isWhatsapp("whatsapp:+93700123456")).isTrue();
        assertThat(PhoneNumbers.isWhatsapp("+93700123456")).isFalse();
        assertThatThrownBy(() -> PhoneNumbers.toWhatsapp(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
