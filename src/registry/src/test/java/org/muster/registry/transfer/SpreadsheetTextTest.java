package org.muster.registry.transfer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetTextTest {

    @Test
    void text_that_a_spreadsheet_would_run_as_a_formula_is_exported_as_text_and_read_back_as_it_was() {
        for (String formula : new String[]{"=HYPERLINK(\"http://x\")", "+93700", "-2+3", "@SUM(A1)"}) {
            String written = SpreadsheetText.guard(formula);
            assertThat(written).startsWith("'");
            assertThat(SpreadsheetText.unguard(written)).isEqualTo(formula);
        }
    }

    @Test
    void ordinary_text_and_apostrophes_in_names_are_left_alone() {
        assertThat(SpreadsheetText.guard("O'Brien")).isEqualTo("O'Brien");
        assertThat(SpreadsheetText.unguard("'Abd al-Rahman")).isEqualTo("'Abd al-Rahman");
        assertThat(SpreadsheetText.guard("نازنین")).isEqualTo("نازنین");
        assertThat(SpreadsheetText.guard(null)).isNull();
    }
}
