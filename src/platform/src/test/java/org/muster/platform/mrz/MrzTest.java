package org.muster.platform.mrz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MrzTest {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    static final String TD3_SPECIMEN = """
            P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<
            L898902C36UTO7408122F1204159ZE184226B<<<<<10""";

    static final String TD1_SPECIMEN = """
            I<UTOD231458907<<<<<<<<<<<<<<<
            7408122F1204159UTO<<<<<<<<<<<6
            ERIKSSON<<ANNA<MARIA<<<<<<<<<<""";

    static final String TD2_SPECIMEN = """
            I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<
            D231458907UTO7408122F1204159<<<<<<<6""";

    static MrzDocument valid(String mrz) {
        MrzResult result = Mrz.parse(mrz, TODAY);
        assertThat(result).isInstanceOf(MrzResult.Valid.class);
        return ((MrzResult.Valid) result).document();
    }

    static MrzResult.Invalid invalid(String mrz) {
        MrzResult result = Mrz.parse(mrz, TODAY);
        assertThat(result).isInstanceOf(MrzResult.Invalid.class);
        return (MrzResult.Invalid) result;
    }

    static List<CheckedField> failedChecks(String mrz) {
        return invalid(mrz).failedChecks();
    }

    @Nested
    class Specimens {

        @Test
        void the_td3_passport_specimen_reads_as_anna_maria_eriksson() {
            MrzDocument doc = valid(TD3_SPECIMEN);
            assertThat(doc.format()).isEqualTo(MrzFormat.TD3);
            assertThat(doc.documentCode()).isEqualTo("P");
            assertThat(doc.issuingState()).isEqualTo("UTO");
            assertThat(doc.surname()).isEqualTo("ERIKSSON");
            assertThat(doc.givenNames()).isEqualTo("ANNA MARIA");
            assertThat(doc.documentNumber()).isEqualTo("L898902C3");
            assertThat(doc.nationality()).isEqualTo("UTO");
            assertThat(doc.birthDate().toLocalDate()).contains(LocalDate.of(1974, 8, 12));
            assertThat(doc.sex()).isEqualTo(Sex.FEMALE);
            assertThat(doc.expiryDate()).isEqualTo(LocalDate.of(2012, 4, 15));
            assertThat(doc.personalNumber()).isEqualTo("ZE184226B");
            assertThat(doc.optionalData2()).isEmpty();
        }

        @Test
        void the_td1_id_card_specimen_reads_as_anna_maria_eriksson() {
            MrzDocument doc = valid(TD1_SPECIMEN);
            assertThat(doc.format()).isEqualTo(MrzFormat.TD1);
            assertThat(doc.documentCode()).isEqualTo("I");
            assertThat(doc.issuingState()).isEqualTo("UTO");
            assertThat(doc.surname()).isEqualTo("ERIKSSON");
            assertThat(doc.givenNames()).isEqualTo("ANNA MARIA");
            assertThat(doc.documentNumber()).isEqualTo("D23145890");
            assertThat(doc.nationality()).isEqualTo("UTO");
            assertThat(doc.birthDate().toLocalDate()).contains(LocalDate.of(1974, 8, 12));
            assertThat(doc.sex()).isEqualTo(Sex.FEMALE);
            assertThat(doc.expiryDate()).isEqualTo(LocalDate.of(2012, 4, 15));
            assertThat(doc.optionalData()).isEmpty();
            assertThat(doc.optionalData2()).isEmpty();
        }

        @Test
        void the_td2_specimen_reads_as_anna_maria_eriksson() {
            MrzDocument doc = valid(TD2_SPECIMEN);
            assertThat(doc.format()).isEqualTo(MrzFormat.TD2);
            assertThat(doc.surname()).isEqualTo("ERIKSSON");
            assertThat(doc.givenNames()).isEqualTo("ANNA MARIA");
            assertThat(doc.documentNumber()).isEqualTo("D23145890");
            assertThat(doc.expiryDate()).isEqualTo(LocalDate.of(2012, 4, 15));
        }
    }

    @Nested
    class CheckDigits {

        @Test
        void a_corrupted_document_number_check_digit_is_reported_as_such() {
            assertThat(failedChecks(MrzWriter.replaceAt(TD3_SPECIMEN, 1, 9, '5')))
                    .containsExactly(CheckedField.DOCUMENT_NUMBER);
            assertThat(failedChecks(MrzWriter.replaceAt(TD1_SPECIMEN, 0, 14, '5')))
                    .containsExactly(CheckedField.DOCUMENT_NUMBER);
            assertThat(failedChecks(MrzWriter.replaceAt(TD2_SPECIMEN, 1, 9, '5')))
                    .containsExactly(CheckedField.DOCUMENT_NUMBER);
        }

        @Test
        void a_corrupted_birth_date_check_digit_is_reported_as_such() {
            assertThat(failedChecks(MrzWriter.replaceAt(TD3_SPECIMEN, 1, 19, '5')))
                    .containsExactly(CheckedField.BIRTH_DATE);
            assertThat(failedChecks(MrzWriter.replaceAt(TD1_SPECIMEN, 1, 6, '5')))
                    .containsExactly(CheckedField.BIRTH_DATE);
        }

        @Test
        void a_corrupted_expiry_check_digit_is_reported_as_such() {
            MrzResult.Invalid result = invalid(MrzWriter.replaceAt(TD3_SPECIMEN, 1, 27, '5'));
            assertThat(result.failedChecks()).containsExactly(CheckedField.EXPIRY_DATE);
            assertThat(result.problems()).singleElement()
                    .extracting(Problem::message)
                    .isEqualTo("the expiry date's check digit is wrong: rescan or type the expiry date");
            assertThat(failedChecks(MrzWriter.replaceAt(TD1_SPECIMEN, 1, 14, '5')))
                    .containsExactly(CheckedField.EXPIRY_DATE);
        }

        @Test
        void a_corrupted_personal_number_check_digit_is_reported_as_such() {
            assertThat(failedChecks(MrzWriter.replaceAt(TD3_SPECIMEN, 1, 42, '5')))
                    .containsExactly(CheckedField.PERSONAL_NUMBER);
        }

        @Test
        void a_corrupted_composite_check_digit_is_reported_as_such() {
            assertThat(failedChecks(MrzWriter.replaceAt(TD3_SPECIMEN, 1, 43, '5')))
                    .containsExactly(CheckedField.COMPOSITE);
            assertThat(failedChecks(MrzWriter.replaceAt(TD1_SPECIMEN, 1, 29, '5')))
                    .containsExactly(CheckedField.COMPOSITE);
            assertThat(failedChecks(MrzWriter.replaceAt(TD2_SPECIMEN, 1, 35, '5')))
                    .containsExactly(CheckedField.COMPOSITE);
        }

        @Test
        void a_misread_digit_inside_a_date_fails_that_dates_check() {
            assertThat(failedChecks(MrzWriter.replaceAt(TD3_SPECIMEN, 1, 23, '1')))
                    .containsExactly(CheckedField.EXPIRY_DATE);
        }

        @Test
        void a_misread_optional_data_character_on_an_id_card_is_caught_by_the_composite() {
            assertThat(failedChecks(MrzWriter.replaceAt(TD1_SPECIMEN, 0, 20, 'X')))
                    .containsExactly(CheckedField.COMPOSITE);
        }

        @Test
        void a_filler_instead_of_a_check_digit_is_a_wrong_check_digit() {
            MrzResult.Invalid result = invalid(MrzWriter.replaceAt(TD3_SPECIMEN, 1, 19, '<'));
            assertThat(result.problems()).containsExactly(new Problem.WrongCheckDigit(CheckedField.BIRTH_DATE, '<', 2));
        }

        @Test
        void an_empty_personal_number_may_have_a_filler_or_zero_as_its_check_digit() {
            String withFiller = MrzWriter.td3("P", "UTO", "ERIKSSON", "ANNA", "L898902C3", "UTO", "740812", 'F',
                    "320415", "");
            assertThat(withFiller.split("\n")[1].charAt(42)).isEqualTo('0');
            assertThat(valid(withFiller).personalNumber()).isEmpty();
            // the composite covers the personal number check digit, and '<' and '0' both count as zero
            assertThat(valid(MrzWriter.replaceAt(withFiller, 1, 42, '<')).personalNumber()).isEmpty();
        }

        @Test
        void an_id_card_number_longer_than_nine_characters_continues_in_the_optional_data() {
            String mrz = MrzWriter.td1("I", "UTO", "D23145890123", "EXTRA", "740812", 'F', "320415", "UTO", "",
                    "ERIKSSON", "ANNA");
            assertThat(mrz.split("\n")[0]).startsWith("I<UTOD23145890<123" + CheckDigit.of("D23145890123") + "<EXTRA");
            MrzDocument doc = valid(mrz);
            assertThat(doc.documentNumber()).isEqualTo("D23145890123");
            assertThat(doc.optionalData()).isEqualTo("EXTRA");
        }

        @Test
        void a_wrong_check_digit_of_a_continued_document_number_is_reported_as_such() {
            String mrz = MrzWriter.td1("I", "UTO", "D23145890123", "", "740812", 'F', "320415", "UTO", "",
                    "ERIKSSON", "ANNA");
            char check = mrz.charAt(18);
            assertThat(failedChecks(MrzWriter.replaceAt(mrz, 0, 18, MrzWriter.otherDigit(check))))
                    .containsExactly(CheckedField.DOCUMENT_NUMBER);
        }
    }

    @Nested
    class Shape {

        @Test
        void lines_may_arrive_concatenated_lower_case_padded_with_spaces_or_with_windows_line_breaks() {
            String[] td3 = TD3_SPECIMEN.split("\n");
            assertThat(valid(td3[0] + td3[1]).documentNumber()).isEqualTo("L898902C3");
            assertThat(valid("  " + td3[0].toLowerCase() + "  \r\n" + td3[1] + " \r\n\r\n").surname())
                    .isEqualTo("ERIKSSON");
            assertThat(valid(td3[0] + " " + td3[1]).surname()).isEqualTo("ERIKSSON");
            assertThat(valid(TD1_SPECIMEN.replace("\n", "")).format()).isEqualTo(MrzFormat.TD1);
        }

        @Test
        void a_line_of_the_wrong_length_is_rejected_with_the_lengths_seen() {
            String[] td3 = TD3_SPECIMEN.split("\n");
            MrzResult.Invalid result = invalid(td3[0] + "\n" + td3[1].substring(1));
            assertThat(result.problems()).singleElement().isInstanceOf(Problem.Malformed.class)
                    .extracting(Problem::message).asString()
                    .contains("2 lines of 44").contains("got 2 lines of 44, 43 characters");
        }

        @Test
        void a_wrong_number_of_lines_is_rejected() {
            assertThat(invalid(TD1_SPECIMEN + "\nERIKSSON<<ANNA<MARIA<<<<<<<<<<").problems())
                    .singleElement().isInstanceOf(Problem.Malformed.class);
            assertThat(invalid(TD3_SPECIMEN.split("\n")[0]).problems())
                    .singleElement().extracting(Problem::message).asString()
                    .contains("got one line of 44 characters");
        }

        @Test
        void nothing_scanned_is_rejected() {
            assertThat(invalid("").problems()).singleElement().isInstanceOf(Problem.Malformed.class);
            assertThat(invalid("  \n ").problems()).singleElement().isInstanceOf(Problem.Malformed.class);
            assertThat(invalid(null).problems()).singleElement().isInstanceOf(Problem.Malformed.class);
        }

        @Test
        void characters_outside_a_to_z_digits_and_filler_are_rejected_with_their_position() {
            String bad = MrzWriter.replaceAt(TD3_SPECIMEN, 0, 7, 'É');
            bad = MrzWriter.replaceAt(bad, 1, 3, '-');
            assertThat(invalid(bad).problems()).extracting(Problem::message).containsExactly(
                    "line 1, position 8: 'É' is not allowed, only A-Z, 0-9 and < may appear",
                    "line 2, position 4: '-' is not allowed, only A-Z, 0-9 and < may appear");
        }

        @Test
        void a_space_inside_a_line_is_a_bad_character() {
            String bad = MrzWriter.replaceAt(TD3_SPECIMEN, 0, 20, ' ');
            assertThat(invalid(bad).problems()).extracting(Problem::message)
                    .containsExactly("line 1, position 21: ' ' is not allowed, only A-Z, 0-9 and < may appear");
        }
    }

    @Nested
    class Fields {

        @Test
        void a_birth_year_after_the_current_year_is_in_the_last_century() {
            String born1930 = MrzWriter.td3("P", "UTO", "A", "B", "1", "UTO", "300101", 'M', "300101", "");
            String born2020 = MrzWriter.td3("P", "UTO", "A", "B", "1", "UTO", "200101", 'M', "300101", "");
            assertThat(valid(born1930).birthDate().toLocalDate()).contains(LocalDate.of(1930, 1, 1));
            assertThat(valid(born2020).birthDate().toLocalDate()).contains(LocalDate.of(2020, 1, 1));
            assertThat(valid(born1930).expiryDate()).isEqualTo(LocalDate.of(2030, 1, 1));
        }

        @Test
        void unknown_parts_of_the_birth_date_may_be_fillers() {
            String mrz = MrzWriter.td3("P", "UTO", "A", "B", "1", "UTO", "74<<<<", 'X', "300101", "");
            MrzDocument doc = valid(mrz);
            assertThat(doc.birthDate().year()).isEqualTo(OptionalInt.of(1974));
            assertThat(doc.birthDate().month()).isEmpty();
            assertThat(doc.birthDate().toLocalDate()).isEmpty();
            assertThat(doc.birthDate().isCompatibleWith(LocalDate.of(1974, 3, 9))).isTrue();
            assertThat(doc.sex()).isEqualTo(Sex.UNSPECIFIED);
        }

        @Test
        void an_impossible_date_is_rejected_even_with_a_matching_check_digit() {
            String feb30 = MrzWriter.td3("P", "UTO", "A", "B", "1", "UTO", "740230", 'F', "300101", "");
            assertThat(invalid(feb30).problems()).singleElement()
                    .isEqualTo(new Problem.InvalidField(MrzField.BIRTH_DATE, "740230",
                            "the date of birth is not a valid YYMMDD date (unknown parts may be <<)"));
            String month13 = MrzWriter.td3("P", "UTO", "A", "B", "1", "UTO", "740101", 'F', "301301", "");
            assertThat(invalid(month13).problems()).singleElement()
                    .extracting(p -> ((Problem.InvalidField) p).field()).isEqualTo(MrzField.EXPIRY_DATE);
        }

        @Test
        void an_unknown_sex_letter_is_rejected() {
            String mrz = MrzWriter.td3("P", "UTO", "A", "B", "1", "UTO", "740101", 'Q', "300101", "");
            assertThat(invalid(mrz).problems()).singleElement()
                    .extracting(p -> ((Problem.InvalidField) p).field()).isEqualTo(MrzField.SEX);
        }

        @Test
        void a_passport_zone_must_carry_a_p_document_code() {
            String mrz = MrzWriter.td3("I", "UTO", "A", "B", "1", "UTO", "740101", 'F', "300101", "");
            assertThat(invalid(mrz).problems()).singleElement()
                    .extracting(p -> ((Problem.InvalidField) p).field()).isEqualTo(MrzField.DOCUMENT_CODE);
        }

        @Test
        void a_one_letter_state_code_is_padded_and_given_back_without_fillers() {
            String mrz = MrzWriter.td3("P", "D<<", "MUSTERMANN", "ERIKA", "C01X00T47", "D<<", "640812", 'F', "320101", "");
            MrzDocument doc = valid(mrz);
            assertThat(doc.issuingState()).isEqualTo("D");
            assertThat(doc.nationality()).isEqualTo("D");
        }

        @Test
        void a_name_without_given_names_is_all_surname() {
            String mrz = MrzWriter.td3("P", "UTO", "VAN DER BERG", "", "1", "UTO", "740101", 'F', "300101", "");
            MrzDocument doc = valid(mrz);
            assertThat(doc.surname()).isEqualTo("VAN DER BERG");
            assertThat(doc.givenNames()).isEmpty();
        }
    }

    @Nested
    class Matching {

        final MrzDocument anna = valid(TD3_SPECIMEN);

        @Test
        void a_manifest_entry_matches_regardless_of_case_accents_and_separators() {
            assertThat(anna.matches("l898902c3", LocalDate.of(1974, 8, 12), "Eriksson")).isTrue();
            assertThat(anna.matches("L898902C3", LocalDate.of(1974, 8, 12), "Ériksşon")).isTrue();
            assertThat(anna.matches(" L898902C3 ", LocalDate.of(1974, 8, 12), "ERIKS-SON")).isTrue();
        }

        @Test
        void compound_and_apostrophe_surnames_match_their_mrz_spelling() {
            String mrz = MrzWriter.td3("P", "UTO", "OBRIEN SMITH", "SEAN", "1", "UTO", "740101", 'M', "300101", "");
            MrzDocument doc = valid(mrz);
            assertThat(doc.matches("1", LocalDate.of(1974, 1, 1), "O'Brien-Smith")).isTrue();
            assertThat(doc.matches("1", LocalDate.of(1974, 1, 1), "O'Brien Smith")).isTrue();
            assertThat(doc.matches("1", LocalDate.of(1974, 1, 1), "O'Brien")).isFalse();
        }

        @Test
        void a_different_number_birth_date_or_surname_does_not_match() {
            assertThat(anna.matches("L898902C4", LocalDate.of(1974, 8, 12), "Eriksson")).isFalse();
            assertThat(anna.matches("L898902C3", LocalDate.of(1974, 8, 13), "Eriksson")).isFalse();
            assertThat(anna.matches("L898902C3", LocalDate.of(1974, 8, 12), "Eriksen")).isFalse();
            assertThat(anna.matches("L898902C3", LocalDate.of(1974, 8, 12), "")).isFalse();
            assertThat(anna.matches(null, LocalDate.of(1974, 8, 12), "Eriksson")).isFalse();
        }
    }
}
