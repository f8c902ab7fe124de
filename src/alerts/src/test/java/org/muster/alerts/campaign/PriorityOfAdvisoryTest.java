package org.muster.alerts.campaign;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.muster.contracts.common.AdvisoryAction;
import org.muster.contracts.common.AdvisoryLevel;
import org.muster.contracts.common.DeliveryPriority;

import static org.assertj.core.api.Assertions.assertThat;

/** A campaign's priority from its advisory: moving people now first, then do not travel, then the rest. */
class PriorityOfAdvisoryTest {

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({
            "EXERCISE_NORMAL_PRECAUTIONS, LEAVE_IMMEDIATELY,    LEAVE_NOW",
            "DO_NOT_TRAVEL,               LEAVE_IMMEDIATELY,    LEAVE_NOW",
            "INCREASED_CAUTION,           GO_TO_ASSEMBLY_POINT, LEAVE_NOW",
            "DO_NOT_TRAVEL,               GO_TO_ASSEMBLY_POINT, LEAVE_NOW",
            "DO_NOT_TRAVEL,               SHELTER_IN_PLACE,     URGENT",
            "DO_NOT_TRAVEL,               NONE,                 URGENT",
            "RECONSIDER_TRAVEL,           SHELTER_IN_PLACE,     ROUTINE",
            "RECONSIDER_TRAVEL,           NONE,                 ROUTINE",
            "INCREASED_CAUTION,           NONE,                 ROUTINE",
            "EXERCISE_NORMAL_PRECAUTIONS, NONE,                 ROUTINE",
    })
    void priority_of_an_advisory(AdvisoryLevel level, AdvisoryAction action, DeliveryPriority expected) {
        assertThat(Campaigns.priorityOf(level, action)).isEqualTo(expected);
    }
}
