package org.muster.evacuation.flight;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AssemblyPointChangesTest {

    private static AssemblyPoints.View point(String place, Map<String, String> instructions) {
        return new AssemblyPoints.View(UUID.randomUUID(), "Baron Hotel", place, instructions, 0);
    }

    @Test
    void names_the_languages_whose_instructions_were_added_removed_or_reworded() {
        var before = point("Airport Road", Map.of("en", "North gate.", "fa-AF", "دروازه شمالی", "ps", "شمالي دروازه"));
        var after = point("Airport Road", Map.of("en", "South gate.", "fa-AF", "دروازه شمالی", "fr", "Porte sud."));
        assertThat(AssemblyPoints.changes(before, after)).endsWith("; instructions changed: en, fr, ps");
    }

    @Test
    void a_move_with_the_same_instructions_shows_the_place_before_and_after_and_no_languages() {
        var before = point("Airport Road", Map.of("en", "North gate."));
        var after = point("Abbey Gate", Map.of("en", "North gate."));
        assertThat(AssemblyPoints.changes(before, after))
                .isEqualTo("Baron Hotel | Airport Road | instructions in en -> Baron Hotel | Abbey Gate | instructions in en");
    }
}
