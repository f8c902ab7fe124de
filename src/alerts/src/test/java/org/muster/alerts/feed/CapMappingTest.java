package org.muster.alerts.feed;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.muster.contracts.common.AdvisoryAction;
import org.muster.contracts.common.AdvisoryLevel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every level and action against the README's "CAP 1.2 mapping" table: 4 levels × 4 actions, each
 * row written out, so a change to either the code or the table shows here.
 */
class CapMappingTest {

    @ParameterizedTest(name = "{0} + {1} -> {2}, {3}, {4}, {5}")
    @CsvSource({
            // level,                     action,               responseType, urgency,   severity, certainty
            "EXERCISE_NORMAL_PRECAUTIONS, NONE,                 None,         Future,    Minor,    Possible",
            "INCREASED_CAUTION,           NONE,                 Monitor,      Future,    Moderate, Possible",
            "RECONSIDER_TRAVEL,           NONE,                 Avoid,        Expected,  Severe,   Likely",
            "DO_NOT_TRAVEL,               NONE,                 Avoid,        Expected,  Extreme,  Likely",
            "EXERCISE_NORMAL_PRECAUTIONS, LEAVE_IMMEDIATELY,    Evacuate,     Immediate, Minor,    Observed",
            "INCREASED_CAUTION,           LEAVE_IMMEDIATELY,    Evacuate,     Immediate, Moderate, Observed",
            "RECONSIDER_TRAVEL,           LEAVE_IMMEDIATELY,    Evacuate,     Immediate, Severe,   Observed",
            "DO_NOT_TRAVEL,               LEAVE_IMMEDIATELY,    Evacuate,     Immediate, Extreme,  Observed",
            "EXERCISE_NORMAL_PRECAUTIONS, GO_TO_ASSEMBLY_POINT, Evacuate,     Immediate, Minor,    Observed",
            "INCREASED_CAUTION,           GO_TO_ASSEMBLY_POINT, Evacuate,     Immediate, Moderate, Observed",
            "RECONSIDER_TRAVEL,           GO_TO_ASSEMBLY_POINT, Evacuate,     Immediate, Severe,   Observed",
            "DO_NOT_TRAVEL,               GO_TO_ASSEMBLY_POINT, Evacuate,     Immediate, Extreme,  Observed",
            "EXERCISE_NORMAL_PRECAUTIONS, SHELTER_IN_PLACE,     Shelter,      Immediate, Minor,    Observed",
            "INCREASED_CAUTION,           SHELTER_IN_PLACE,     Shelter,      Immediate, Moderate, Observed",
            "RECONSIDER_TRAVEL,           SHELTER_IN_PLACE,     Shelter,      Immediate, Severe,   Observed",
            "DO_NOT_TRAVEL,               SHELTER_IN_PLACE,     Shelter,      Immediate, Extreme,  Observed",
    })
    void level_and_action_map_onto_cap(AdvisoryLevel level, AdvisoryAction action, String responseType,
                                       String urgency, String severity, String certainty) {
        assertThat(CapMessages.responseType(level, action)).isEqualTo(responseType);
        assertThat(CapMessages.urgency(level, action)).isEqualTo(urgency);
        assertThat(level.capSeverity()).isEqualTo(severity);
        assertThat(CapMessages.certainty(level, action)).isEqualTo(certainty);
    }
}
