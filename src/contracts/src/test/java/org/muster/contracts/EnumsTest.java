package org.muster.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.muster.contracts.alerts.AdvisoryPublished;
import org.muster.contracts.common.AdvisoryAction;
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
    void advisoryLevelsAreIssueFoursFourStepsInSeverityOrder() {
        assertThat(AdvisoryLevel.values()).containsExactly(AdvisoryLevel.EXERCISE_NORMAL_PRECAUTIONS,
                AdvisoryLevel.INCREASED_CAUTION, AdvisoryLevel.RECONSIDER_TRAVEL, AdvisoryLevel.DO_NOT_TRAVEL);
        assertThat(Arrays.stream(AdvisoryLevel.values()).map(AdvisoryLevel::capSeverity))
                .containsExactly("Minor", "Moderate", "Severe", "Extreme");
        assertThat(AdvisoryLevel.DO_NOT_TRAVEL.isAtLeast(AdvisoryLevel.RECONSIDER_TRAVEL)).isTrue();
        assertThat(AdvisoryLevel.RECONSIDER_TRAVEL.isAtLeast(AdvisoryLevel.RECONSIDER_TRAVEL)).isTrue();
        assertThat(AdvisoryLevel.INCREASED_CAUTION.isAtLeast(AdvisoryLevel.RECONSIDER_TRAVEL)).isFalse();
        assertThat(AdvisoryAction.values()).containsExactly(AdvisoryAction.LEAVE_IMMEDIATELY,
                AdvisoryAction.SHELTER_IN_PLACE, AdvisoryAction.GO_TO_ASSEMBLY_POINT, AdvisoryAction.NONE);
    }

    @Test
    void theAdvisorySchemaListsExactlyTheJavaConstants() {
        JsonNode properties = Schemas.document(AdvisoryPublished.TYPE).get("properties");
        assertThat(properties.get("level").get("enum")).extracting(JsonNode::asText)
                .containsExactly(Arrays.stream(AdvisoryLevel.values()).map(Enum::name).toArray(String[]::new));
        assertThat(properties.get("action").get("enum")).extracting(JsonNode::asText)
                .containsExactly(Arrays.stream(AdvisoryAction.values()).map(Enum::name).toArray(String[]::new));
    }

    @Test
    void leaveNowPriorityIsDispatchedFirst() {
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
