package org.muster.platform.mrz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Round trips over generated passports. Each case comes from its own seed, so a failing case is
 * named in the report and reproduces alone.
 */
class MrzRoundTripTest {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    static final int CASES = 1_000;

    record Person(String surname, String givenNames, LocalDate birth, char sex, String nationality) {
    }

    record Passport(long seed, String code, String state, String number, LocalDate expiry, String personal,
                    Person holder) {

        String mrz() {
            return MrzWriter.td3(code, state, holder.surname, holder.givenNames, number, holder.nationality,
                    yymmdd(holder.birth), holder.sex, yymmdd(expiry), personal);
        }

        static String yymmdd(LocalDate d) {
            return String.format("%02d%02d%02d", d.getYear() % 100, d.getMonthValue(), d.getDayOfMonth());
        }
    }

    /** A passport, and a digit of its number changed by a non-zero shift. */
    record Tampered(Passport passport, int position, char changed) {
    }

    @ParameterizedTest
    @MethodSource("passports")
    void a_formatted_passport_parses_back_into_the_same_fields(Passport passport) {
        MrzResult result = Mrz.parse(passport.mrz(), TODAY);

        assertThat(result).isInstanceOf(MrzResult.Valid.class);
        MrzDocument doc = ((MrzResult.Valid) result).document();
        assertThat(doc.format()).isEqualTo(MrzFormat.TD3);
        assertThat(doc.documentCode()).isEqualTo(passport.code.replace("<", ""));
        assertThat(doc.issuingState()).isEqualTo(passport.state);
        assertThat(doc.surname()).isEqualTo(passport.holder.surname);
        assertThat(doc.givenNames()).isEqualTo(passport.holder.givenNames);
        assertThat(doc.documentNumber()).isEqualTo(passport.number);
        assertThat(doc.nationality()).isEqualTo(passport.holder.nationality);
        assertThat(doc.birthDate().toLocalDate()).contains(passport.holder.birth);
        assertThat(doc.sex()).isEqualTo(Sex.fromCode(passport.holder.sex));
        assertThat(doc.expiryDate()).isEqualTo(passport.expiry);
        assertThat(doc.personalNumber()).isEqualTo(passport.personal);
        assertThat(doc.matches(passport.number, passport.holder.birth, passport.holder.surname.toLowerCase()))
                .isTrue();
    }

    @ParameterizedTest
    @MethodSource("tamperedPassports")
    void changing_any_single_digit_of_the_document_number_makes_the_zone_invalid(Tampered tampered) {
        MrzResult result = Mrz.parse(MrzWriter.replaceAt(tampered.passport.mrz(), 1, tampered.position, tampered.changed),
                TODAY);

        assertThat(result).isInstanceOf(MrzResult.Invalid.class);
        assertThat(((MrzResult.Invalid) result).failedChecks()).containsExactly(CheckedField.DOCUMENT_NUMBER);
    }

    static Stream<Passport> passports() {
        return IntStream.range(0, CASES).mapToObj(i -> passport(1_000L + i));
    }

    static Stream<Tampered> tamperedPassports() {
        return IntStream.range(0, CASES).mapToObj(i -> {
            Passport passport = passport(50_000L + i);
            Random random = new Random(passport.seed);
            List<Integer> digits = IntStream.range(0, passport.number.length())
                    .filter(p -> Character.isDigit(passport.number.charAt(p)))
                    .boxed().toList();
            int position = digits.get(random.nextInt(digits.size()));
            int shift = 1 + random.nextInt(9);
            char changed = (char) ('0' + (passport.number.charAt(position) - '0' + shift) % 10);
            return new Tampered(passport, position, changed);
        });
    }

    static Passport passport(long seed) {
        Random random = new Random(seed);
        String code = "P" + "<DSO".charAt(random.nextInt(4));
        String number;
        do {
            number = alphanumerics(random, 1, 9);
        } while (number.chars().noneMatch(Character::isDigit));
        LocalDate expiry = date(random, LocalDate.of(2000, 1, 1), LocalDate.of(2099, 12, 31));
        String personal = alphanumerics(random, 0, 14);
        return new Passport(seed, code, letters(random, 3, 3), number, expiry, personal, person(random));
    }

    static Person person(Random random) {
        while (true) {
            String surname = names(random, 1);
            String givenNames = names(random, 0);
            // the century rule reads the two-digit year back correctly for births in the 99 years up to today
            LocalDate birth = date(random, LocalDate.of(TODAY.getYear() - 99, 1, 1), TODAY);
            char sex = "MFX<".charAt(random.nextInt(4));
            if (surname.length() + (givenNames.isEmpty() ? 0 : 2 + givenNames.length()) <= 39) {
                return new Person(surname, givenNames, birth, sex, letters(random, 3, 3));
            }
        }
    }

    static String names(Random random, int minWords) {
        int words = minWords + random.nextInt(3 - minWords + 1);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < words; i++) {
            parts.add(letters(random, 1, 10));
        }
        return String.join(" ", parts);
    }

    static String letters(Random random, int min, int max) {
        return chars(random, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", min, max);
    }

    static String alphanumerics(Random random, int min, int max) {
        return chars(random, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min, max);
    }

    static String chars(Random random, String alphabet, int min, int max) {
        StringBuilder s = new StringBuilder();
        int length = min + random.nextInt(max - min + 1);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    static LocalDate date(Random random, LocalDate from, LocalDate to) {
        return LocalDate.ofEpochDay(from.toEpochDay() + random.nextLong(to.toEpochDay() - from.toEpochDay() + 1));
    }
}
