package org.muster.platform.geo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CountriesTest {

    @Test
    void assigned_alpha2_codes_are_valid() {
        assertThat(Countries.isValid("AF")).isTrue();
        assertThat(Countries.isValid("PK")).isTrue();
        assertThat(Countries.isValid("FR")).isTrue();
    }

    @Test
    void unassigned_lower_case_or_alpha3_codes_are_not_valid() {
        assertThat(Countries.isValid("XX")).isFalse();
        assertThat(Countries.isValid("af")).isFalse();
        assertThat(Countries.isValid("AFG")).isFalse();
        assertThat(Countries.isValid(null)).isFalse();
    }

    @Test
    void a_code_typed_loosely_is_normalised_when_assigned() {
        assertThat(Countries.normalise(" af ")).contains("AF");
        assertThat(Countries.normalise("zz")).isEmpty();
        assertThat(Countries.normalise(null)).isEmpty();
    }
}
