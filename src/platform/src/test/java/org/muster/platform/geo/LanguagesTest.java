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

    @Test
    void a_reader_gets_their_own_tag_then_its_language_without_the_region() {
        assertThat(Languages.bestMatch("fa-AF", java.util.List.of("en", "fa", "fa-AF"))).contains("fa-AF");
        assertThat(Languages.bestMatch("fa-AF", java.util.List.of("en", "fa"))).contains("fa");
        assertThat(Languages.bestMatch("fr-CA", java.util.List.of("en", "FR"))).contains("FR");
        assertThat(Languages.bestMatch("zh-Hant-TW", java.util.List.of("zh-Hant", "zh"))).contains("zh-Hant");
    }

    @Test
    void dari_is_tagged_prs_or_fa_af_and_either_text_serves_it() {
        assertThat(Languages.bestMatch("fa-AF", java.util.List.of("en", "prs"))).contains("prs");
        assertThat(Languages.bestMatch("prs", java.util.List.of("en", "fa-AF"))).contains("fa-AF");
        assertThat(Languages.bestMatch("prs", java.util.List.of("en", "fa"))).contains("fa");
        assertThat(Languages.bestMatch("prs", java.util.List.of("fa", "prs"))).contains("prs");
        assertThat(Languages.bestMatch("fa-IR", java.util.List.of("en", "prs"))).contains("prs");
    }

    @Test
    void no_text_in_the_readers_language_is_empty_so_the_caller_uses_its_default() {
        assertThat(Languages.bestMatch("ps", java.util.List.of("en", "fa"))).isEmpty();
        assertThat(Languages.bestMatch("en", java.util.List.of("fr"))).isEmpty();
        assertThat(Languages.bestMatch(null, java.util.List.of("en"))).isEmpty();
        assertThat(Languages.bestMatch("en", java.util.List.of())).isEmpty();
        assertThat(Languages.bestMatch("english", java.util.List.of("en"))).isEmpty();
    }
}
