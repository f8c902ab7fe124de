package org.muster.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.muster.contracts.common.AdvisoryLevel;
import org.muster.contracts.common.Channel;
import org.muster.contracts.common.DeliveryPriority;
import org.muster.contracts.common.DeliveryStatus;
import org.muster.contracts.common.ManifestStatus;

/** The behaviour attached to shared enums. */
class EnumsTest {

    @Test
    void onlyEmailUsesAnEmailAddress() {
        assertThat(Arrays.stream(Channel.values()).filter(c -> !c.usesPhoneNumber())).containsExactly(Channel.EMAIL);
    }

    @Test
    void leaveNowIsTheMostSevereLevelAndIsDispatchedFirst() {
        assertThat(AdvisoryLevel.values()[AdvisoryLevel.values().length - 1]).isEqualTo(AdvisoryLevel.LEAVE_NOW);
        assertThat(AdvisoryLevel.LEAVE_NOW.isAtLeast(AdvisoryLevel.AVOID_ALL_TRAVEL)).isTrue();
        assertThat(AdvisoryLevel.HIGH_CAUTION.isAtLeast(AdvisoryLevel.AVOID_ALL_TRAVEL)).isFalse();
        assertThat(AdvisoryLevel.LEAVE_NOW.capSeverity()).isEqualTo("Extreme");
        assertThat(DeliveryPriority.values()[0]).isEqualTo(DeliveryPriority.LEAVE_NOW);
        assertThat(List.of(DeliveryPriority.ROUTINE, DeliveryPriority.LEAVE_NOW, DeliveryPriority.URGENT).stream().sorted())
                .containsExactly(DeliveryPriority.LEAVE_NOW, DeliveryPriority.URGENT, DeliveryPriority.ROUTINE);
    }

    @Test
    void deliveryStatusClassification() {
        assertThat(DeliveryStatus.QUEUED.isFinal()).isFalse();
        assertThat(DeliveryStatus.SENT.isFinal()).isFalse();
        assertThat(DeliveryStatus.UNDELIVERED.isFinal()).isTrue();
        assertThat(Arrays.stream(DeliveryStatus.values()).filter(DeliveryStatus::isSuccessful))
                .containsExactly(DeliveryStatus.DELIVERED, DeliveryStatus.READ);
        assertThat(Arrays.stream(DeliveryStatus.values()).filter(DeliveryStatus::needsFallback))
                .containsExactly(DeliveryStatus.FAILED, DeliveryStatus.UNDELIVERED);
    }

    @Test
    void manifestEntriesHoldSeatsUntilTheyLeaveTheManifest() {
        assertThat(Arrays.stream(ManifestStatus.values()).filter(s -> !s.holdsSeat()))
                .containsExactly(ManifestStatus.NO_SHOW, ManifestStatus.OFFLOADED, ManifestStatus.CANCELLED);
    }
}
