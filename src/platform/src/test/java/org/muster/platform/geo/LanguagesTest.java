package org.muster.platform.geo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LanguagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr", "de", "fa-AF", "ps", "prs", "ur", "uz-Latn", "tg", "ar-QA"})
    void the_languages_of_the_region_are_well_formed(String tag) {
        assertThat(Languages.isWellFormed(tag)).isTrue();
        assertThat(Languages.normalise(tag)).contains(tag);
    }

    @Test
    void dari_may_be_written_in_any_case_and_is_given_canonical_casing() {
        assertThat(Languages.normalise("FA-af")).contains("fa-AF");
        assertThat(Languages.normalise(" PRS ")).contains("prs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "en_US", "english", "e", "fa-", "-AF", "und", "x-private", "fa AF", "12"})
    void malformed_tags_are_rejected(String tag) {
        assertThat(Languages.isWellFormed(tag)).isFalse();
    }

    @Test
    void no_tag_is_rejected() {
        assertThat(Languages.isWellFormed(null)).isFalse();
    }
}
