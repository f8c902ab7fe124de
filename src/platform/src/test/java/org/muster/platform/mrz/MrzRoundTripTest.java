package org.muster.platform.mrz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class MrzRoundTripTest {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    record Person(String surname, String givenNames, LocalDate birth, char sex, String nationality) {
    }

    record Passport(String code, String state, String number, LocalDate expiry, String personal, Person holder) {

        String mrz() {
            return MrzWriter.td3(code, state, holder.surname, holder.givenNames, number, holder.nationality,
                    yymmdd(holder.birth), holder.sex, yymmdd(expiry), personal);
        }

        static String yymmdd(LocalDate d) {
            return String.format("%02d%02d%02d", d.getYear() % 100, d.getMonthValue(), d.getDayOfMonth());
        }
    }

    @Property
    void a_formatted_passport_parses_back_into_the_same_fields(@ForAll("passports") Passport passport) {
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

    @Property
    void changing_any_single_digit_of_the_document_number_makes_the_zone_invalid(
            @ForAll("passports") Passport passport,
            @ForAll @IntRange(min = 0, max = 8) int pick,
            @ForAll @IntRange(min = 1, max = 9) int shift) {
        List<Integer> digitPositions = IntStream.range(0, passport.number.length())
                .filter(i -> Character.isDigit(passport.number.charAt(i)))
                .boxed().toList();
        int position = digitPositions.get(pick % digitPositions.size());
        char original = passport.number.charAt(position);
        char changed = (char) ('0' + (original - '0' + shift) % 10);

        MrzResult result = Mrz.parse(MrzWriter.replaceAt(passport.mrz(), 1, position, changed), TODAY);

        assertThat(result).isInstanceOf(MrzResult.Invalid.class);
        assertThat(((MrzResult.Invalid) result).failedChecks()).containsExactly(CheckedField.DOCUMENT_NUMBER);
    }

    @Provide
    Arbitrary<Passport> passports() {
        Arbitrary<String> code = Arbitraries.of('<', 'D', 'S', 'O').map(c -> "P" + c);
        Arbitrary<String> number = alphanumerics(1, 9).filter(s -> s.chars().anyMatch(Character::isDigit));
        Arbitrary<LocalDate> expiry = dates(LocalDate.of(2000, 1, 1), LocalDate.of(2099, 12, 31));
        Arbitrary<String> personal = alphanumerics(0, 14);
        return Combinators.combine(code, letters(3, 3), number, expiry, personal, people())
                .as(Passport::new);
    }

    Arbitrary<Person> people() {
        Arbitrary<String> surname = names(1);
        Arbitrary<String> givenNames = names(0);
        // the century rule reads the two-digit year back correctly for births in the 99 years up to today
        Arbitrary<LocalDate> birth = dates(LocalDate.of(TODAY.getYear() - 99, 1, 1), TODAY);
        Arbitrary<Character> sex = Arbitraries.of('M', 'F', 'X', '<');
        return Combinators.combine(surname, givenNames, birth, sex, letters(3, 3))
                .as(Person::new)
                .filter(p -> p.surname.length() + (p.givenNames.isEmpty() ? 0 : 2 + p.givenNames.length()) <= 39);
    }

    static Arbitrary<String> names(int minWords) {
        return letters(1, 10).list().ofMinSize(minWords).ofMaxSize(3)
                .map(words -> words.stream().collect(Collectors.joining(" ")));
    }

    static Arbitrary<String> letters(int min, int max) {
        return Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(min).ofMaxLength(max);
    }

    static Arbitrary<String> alphanumerics(int min, int max) {
        return Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9')
                .ofMinLength(min).ofMaxLength(max);
    }

    static Arbitrary<LocalDate> dates(LocalDate from, LocalDate to) {
        return Arbitraries.longs().between(from.toEpochDay(), to.toEpochDay()).map(LocalDate::ofEpochDay);
    }
}
