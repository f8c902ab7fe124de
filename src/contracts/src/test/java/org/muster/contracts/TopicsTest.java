package org.muster.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void topicNames() {
        assertThat(Topics.ALL).containsExactly(
                "muster.registry.nationals",
                "muster.alerts.advisories",
                "muster.delivery.requests",
                "muster.delivery.events",
                "muster.evacuation.manifests",
                "muster.partners.requests");
        assertThat(Topics.ALL).allMatch(t -> t.matches("^muster(\\.[a-z]+){2}$"));
    }

    @Test
    void onlyTheNationalsTopicIsCompacted() {
        assertThat(Topics.COMPACTED).containsExactly(Topics.REGISTRY_NATIONALS);
        assertThat(Topics.isCompacted(Topics.REGISTRY_NATIONALS)).isTrue();
        assertThat(Topics.isCompacted(Topics.DELIVERY_REQUESTS)).isFalse();
    }

    @Test
    void deadLetterTopicIsTheTopicWithDlqSuffix() {
        assertThat(Topics.deadLetter(Topics.DELIVERY_REQUESTS)).isEqualTo("muster.delivery.requests.dlq");
        assertThat(Topics.ALL).allSatisfy(t -> {
            assertThat(Topics.isDeadLetter(t)).isFalse();
            assertThat(Topics.isDeadLetter(Topics.deadLetter(t))).isTrue();
        });
    }

    @Test
    void deadLetterRejectsNonsense() {
        assertThatThrownBy(() -> Topics.deadLetter("muster.delivery.requests.dlq"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.deadLetter(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.deadLetter(null)).isInstanceOf(NullPointerException.class);
        assertThat(Topics.isDeadLetter(null)).isFalse();
    }
}
