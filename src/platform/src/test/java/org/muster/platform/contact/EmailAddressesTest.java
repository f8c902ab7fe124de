package org.muster.platform.contact;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class EmailAddressesTest {

    @Test
    void an_address_is_trimmed_and_lower_cased() {
        assertThat(EmailAddresses.normalise("  Amina.Rahimi@Example.ORG "))
                .isEqualTo(new EmailAddressResult.Accepted("amina.rahimi@example.org"));
    }

    @Test
    void plus_tags_and_subdomains_are_fine() {
        assertThat(EmailAddresses.toNormalised("consul+kabul@mail.diplomatie.gouv.fr"))
                .contains("consul+kabul@mail.diplomatie.gouv.fr");
    }

    @Test
    void nothing_typed_is_rejected() {
        assertThat(EmailAddresses.normalise(" ")).isEqualTo(new EmailAddressResult.Rejected("no email address given"));
        assertThat(EmailAddresses.normalise(null)).isEqualTo(new EmailAddressResult.Rejected("no email address given"));
    }

    @Test
    void an_address_without_an_at_is_rejected() {
        assertThat(EmailAddresses.normalise("amina.example.org")).isEqualTo(new EmailAddressResult.Rejected("missing the @"));
    }

    @Test
    void two_ats_are_rejected() {
        assertThat(EmailAddresses.normalise("amina@home@example.org"))
                .isEqualTo(new EmailAddressResult.Rejected("must contain exactly one @"));
    }

    @Test
    void spaces_inside_are_rejected() {
        assertThat(EmailAddresses.normalise("amina rahimi@example.org"))
                .isEqualTo(new EmailAddressResult.Rejected("must not contain spaces"));
    }

    @Test
    void a_domain_without_a_dot_is_rejected() {
        assertThat(EmailAddresses.normalise("amina@localhost"))
                .isEqualTo(new EmailAddressResult.Rejected("the domain after the @ must contain a dot, e.g. example.org"));
    }

    @Test
    void a_local_part_of_64_is_accepted_and_of_65_rejected() {
        assertThat(EmailAddresses.isValid("a".repeat(64) + "@example.org")).isTrue();
        assertThat(EmailAddresses.normalise("a".repeat(65) + "@example.org"))
                .isEqualTo(new EmailAddressResult.Rejected("the name before the @ is too long (at most 64 characters)"));
    }

    @Test
    void an_address_of_254_is_accepted_and_of_255_rejected() {
        String domain = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + ".org"; // 195
        String at254 = "a".repeat(254 - 1 - domain.length()) + "@" + domain;
        assertThat(at254).hasSize(254);
        assertThat(EmailAddresses.isValid(at254)).isTrue();
        assertThat(EmailAddresses.normalise("a" + at254))
                .isEqualTo(new EmailAddressResult.Rejected("too long (at most 254 characters)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"@example.org", "amina@", ".amina@example.org", "amina.@example.org",
            "ami..na@example.org", "amina@example..org", "amina@.example.org", "amina@example.org.",
            "amina@-example.org", "amina@example.o", "amina@example.123", "ami<na>@example.org",
            "amina@exa_mple.org", "\"amina\"@example.org", "amina@[192.168.0.1]"})
    void malformed_addresses_are_rejected(String address) {
        assertThat(EmailAddresses.normalise(address)).isInstanceOf(EmailAddressResult.Rejected.class);
    }
}
