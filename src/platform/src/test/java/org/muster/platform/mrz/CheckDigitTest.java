package org.muster.platform.mrz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CheckDigitTest {

    @Test
    void the_specimen_fields_give_the_check_digits_printed_on_the_specimens() {
        assertThat(CheckDigit.of("L898902C3")).isEqualTo(6);
        assertThat(CheckDigit.of("740812")).isEqualTo(2);
        assertThat(CheckDigit.of("120415")).isEqualTo(9);
        assertThat(CheckDigit.of("ZE184226B<<<<<")).isEqualTo(1);
        assertThat(CheckDigit.of("D23145890")).isEqualTo(7);
    }

    @Test
    void digits_are_weighted_seven_three_one_and_summed_modulo_ten() {
        assertThat(CheckDigit.of("111")).isEqualTo((7 + 3 + 1) % 10);
        assertThat(CheckDigit.of("1111")).isEqualTo((7 + 3 + 1 + 7) % 10);
        assertThat(CheckDigit.of("9")).isEqualTo(63 % 10);
    }

    @Test
    void letters_count_from_ten_and_the_filler_counts_as_zero() {
        assertThat(CheckDigit.of("A")).isEqualTo(70 % 10);
        assertThat(CheckDigit.of("<Z")).isEqualTo(35 * 3 % 10);
        assertThat(CheckDigit.of("<<<<<<<<<<<<<<")).isZero();
        assertThat(CheckDigit.of("")).isZero();
    }

    @Test
    void characters_outside_the_mrz_alphabet_are_refused() {
        assertThatThrownBy(() -> CheckDigit.of("ab")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckDigit.of("A-1")).isInstanceOf(IllegalArgumentException.class);
    }
}
