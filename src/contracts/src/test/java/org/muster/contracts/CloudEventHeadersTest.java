package org.muster.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CloudEventHeadersTest {

    @Test
    void binaryModeHeaderNames() {
        assertThat(CloudEventHeaders.REQUIRED).containsExactly(
                "ce_specversion", "ce_id", "ce_type", "ce_source", "ce_time", "ce_subject", "content-type");
        assertThat(CloudEventHeaders.SPEC_VERSION_VALUE).isEqualTo("1.0");
        assertThat(CloudEventHeaders.JSON).isEqualTo("application/json");
    }

    @Test
    void typeNamingRule() {
        assertThat(CloudEventHeaders.type("registry", "NationalSnapshot"))
                .isEqualTo("org.muster.registry.NationalSnapshot.v1");
        assertThat(CloudEventHeaders.type("alerts", "AdvisoryPublished", 2))
                .isEqualTo("org.muster.alerts.AdvisoryPublished.v2");
        assertThat(CloudEventHeaders.isValidType("org.muster.notifier.ReplyReceived.v1")).isTrue();
        assertThat(CloudEventHeaders.isValidType("org.muster.notifier.replyReceived.v1")).isFalse();
        assertThat(CloudEventHeaders.isValidType("com.example.notifier.ReplyReceived.v1")).isFalse();
        assertThat(CloudEventHeaders.isValidType(null)).isFalse();
    }

    @Test
    void typeRejectsBadParts() {
        assertThatThrownBy(() -> CloudEventHeaders.type("Registry", "NationalSnapshot"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CloudEventHeaders.type("registry", "national-snapshot"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CloudEventHeaders.type("registry", "NationalSnapshot", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void servicesHaveSourcesAndTypes() {
        assertThat(MusterService.NOTIFIER.id()).isEqualTo("notifier");
        assertThat(MusterService.NOTIFIER.source()).isEqualTo("/muster/notifier");
        assertThat(MusterService.EVACUATION.type("FlightDeparted")).isEqualTo("org.muster.evacuation.FlightDeparted.v1");
        assertThat(MusterService.ofId("partners")).isEqualTo(MusterService.PARTNERS);
        assertThatThrownBy(() -> MusterService.ofId("console")).isInstanceOf(IllegalArgumentException.class);
    }
}
