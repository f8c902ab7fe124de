package org.muster.platform.mrz;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Parser for ICAO Doc 9303 machine readable zones: TD3 (passports, 2 × 44), TD1 (ID cards, 3 × 30) and
 * TD2 (2 × 36). Plain Java, thread-safe, no state.
 */
public final class Mrz {

    private Mrz() {
    }

    /** Parses scanned text, using today's date for the date-of-birth century rule. */
    public static MrzResult parse(String scanned) {
        return parse(scanned, LocalDate.now());
    }

    /**
     * Parses scanned text: lines separated by line breaks (or by whitespace when everything arrived on one line)
     * or concatenated. Each line is trimmed and upper-cased. Every check digit is verified.
     *
     * @param today decides the century of a two-digit birth year: a year after today's is 19YY, otherwise 20YY
     */
    public static MrzResult parse(String scanned, LocalDate today) {
        if (scanned == null || scanned.isBlank()) {
            return malformed("nothing was scanned: " + MrzFormat.expectation());
        }
        List<String> lines = scanned.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .map(l -> l.toUpperCase(Locale.ROOT))
                .toList();
        if (lines.size() == 1 && lines.get(0).chars().anyMatch(Character::isWhitespace)) {
            lines = Arrays.asList(lines.get(0).split("\\s+"));
        }
        MrzFormat format;
        List<String> rows;
        if (lines.size() == 1) {
            String all = lines.get(0);
            format = MrzFormat.byTotalLength(all.length());
            if (format == null) {
                return malformed(MrzFormat.expectation() + ", or those lines joined (88, 90 or 72 characters); got one line of "
                        + all.length() + " characters");
            }
            rows = new ArrayList<>();
            for (int i = 0; i < format.lines(); i++) {
                rows.add(all.substring(i * format.lineLength(), (i + 1) * format.lineLength()));
            }
        } else {
            format = MrzFormat.byLines(lines);
            if (format == null) {
                return malformed(MrzFormat.expectation() + "; got " + lines.size() + " lines of "
                        + lines.stream().map(l -> String.valueOf(l.length())).collect(Collectors.joining(", "))
                        + " characters");
            }
            rows = lines;
        }
        List<Problem> problems = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            String row = rows.get(r);
            for (int c = 0; c < row.length(); c++) {
                char ch = row.charAt(c);
                if (!isMrzCharacter(ch)) {
                    problems.add(new Problem.Malformed("line " + (r + 1) + ", position " + (c + 1) + ": '" + ch
                            + "' is not allowed, only A-Z, 0-9 and < may appear"));
                }
            }
        }
        if (!problems.isEmpty()) {
            return new MrzResult.Invalid(problems);
        }
        return new ZoneReader(format, today).read(rows);
    }

    static boolean isMrzCharacter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '<';
    }

    private static MrzResult malformed(String message) {
        return new MrzResult.Invalid(List.of(new Problem.Malformed(message)));
    }

    /** Cuts the fields out of well-shaped lines and checks them. */
    private static final class ZoneReader {

        private final MrzFormat format;
        private final LocalDate today;
        private final List<Problem> problems = new ArrayList<>();

        ZoneReader(MrzFormat format, LocalDate today) {
            this.format = format;
            this.today = today;
        }

        MrzResult read(List<String> rows) {
            return switch (format) {
                case TD3 -> td3(rows.get(0), rows.get(1));
                case TD2 -> td2(rows.get(0), rows.get(1));
                case TD1 -> td1(rows.get(0), rows.get(1), rows.get(2));
            };
        }

        private MrzResult td3(String l1, String l2) {
            Fields f = new Fields();
            f.code = l1.substring(0, 2);
            f.state = l1.substring(2, 5);
            f.names = l1.substring(5, 44);
            f.number = l2.substring(0, 9);
            f.numberCheck = l2.charAt(9);
            f.nationality = l2.substring(10, 13);
            f.birth = l2.substring(13, 19);
            f.birthCheck = l2.charAt(19);
            f.sex = l2.charAt(20);
            f.expiry = l2.substring(21, 27);
            f.expiryCheck = l2.charAt(27);
            f.optional = l2.substring(28, 42);
            f.optional2 = "";
            f.composite = l2.substring(0, 10) + l2.substring(13, 20) + l2.substring(21, 43);
            f.compositeCheck = l2.charAt(43);
            String personal = l2.substring(28, 42);
            char personalCheck = l2.charAt(42);
            verifyNumber(f, false);
            verifyDates(f);
            if (!(isFiller(personal) && personalCheck == '<')) {
                verify(CheckedField.PERSONAL_NUMBER, personal, personalCheck);
            }
            return finish(f);
        }

        private MrzResult td2(String l1, String l2) {
            Fields f = new Fields();
            f.code = l1.substring(0, 2);
            f.state = l1.substring(2, 5);
            f.names = l1.substring(5, 36);
            f.number = l2.substring(0, 9);
            f.numberCheck = l2.charAt(9);
            f.nationality = l2.substring(10, 13);
            f.birth = l2.substring(13, 19);
            f.birthCheck = l2.charAt(19);
            f.sex = l2.charAt(20);
            f.expiry = l2.substring(21, 27);
            f.expiryCheck = l2.charAt(27);
            f.optional = l2.substring(28, 35);
            f.optional2 = "";
            f.composite = l2.substring(0, 10) + l2.substring(13, 20) + l2.substring(21, 35);
            f.compositeCheck = l2.charAt(35);
            verifyNumber(f, true);
            verifyDates(f);
            return finish(f);
        }

        private MrzResult td1(String l1, String l2, String l3) {
            Fields f = new Fields();
            f.code = l1.substring(0, 2);
            f.state = l1.substring(2, 5);
            f.number = l1.substring(5, 14);
            f.numberCheck = l1.charAt(14);
            f.optional = l1.substring(15, 30);
            f.birth = l2.substring(0, 6);
            f.birthCheck = l2.charAt(6);
            f.sex = l2.charAt(7);
            f.expiry = l2.substring(8, 14);
            f.expiryCheck = l2.charAt(14);
            f.nationality = l2.substring(15, 18);
            f.optional2 = l2.substring(18, 29);
            f.composite = l1.substring(5, 30) + l2.substring(0, 7) + l2.substring(8, 15) + l2.substring(18, 29);
            f.compositeCheck = l2.charAt(29);
            f.names = l3;
            verifyNumber(f, true);
            verifyDates(f);
            return finish(f);
        }

        /**
         * Verifies the document number. On TD1 and TD2 a filler in place of the check digit means the number is
         * longer than nine characters: it continues in the optional data up to the first filler, and the last
         * character before that filler is the check digit over the whole number.
         */
        private void verifyNumber(Fields f, boolean mayContinue) {
            if (mayContinue && f.numberCheck == '<') {
                int end = f.optional.indexOf('<');
                if (end <= 0) {
                    problems.add(new Problem.InvalidField(MrzField.DOCUMENT_NUMBER, f.number + "<" + f.optional,
                            "the document number's check digit is missing"));
                    f.documentNumber = stripFillers(f.number);
                    return;
                }
                String full = f.number + f.optional.substring(0, end - 1);
                verify(CheckedField.DOCUMENT_NUMBER, full, f.optional.charAt(end - 1));
                f.documentNumber = stripFillers(full);
                f.optional = f.optional.substring(end + 1);
                return;
            }
            verify(CheckedField.DOCUMENT_NUMBER, f.number, f.numberCheck);
            f.documentNumber = stripFillers(f.number);
        }

        private void verifyDates(Fields f) {
            verify(CheckedField.BIRTH_DATE, f.birth, f.birthCheck);
            verify(CheckedField.EXPIRY_DATE, f.expiry, f.expiryCheck);
        }

        private void verify(CheckedField field, String data, char check) {
            int expected = CheckDigit.of(data);
            if (check != (char) ('0' + expected)) {
                problems.add(new Problem.WrongCheckDigit(field, check, expected));
            }
        }

        private MrzResult finish(Fields f) {
            // The composite digit also covers the other check digits, so it only adds information when they all held.
            if (problems.stream().noneMatch(Problem.WrongCheckDigit.class::isInstance)) {
                verify(CheckedField.COMPOSITE, f.composite, f.compositeCheck);
            }
            String code = documentCode(f.code);
            String state = state(MrzField.ISSUING_STATE, f.state, "issuing state");
            String nationality = state(MrzField.NATIONALITY, f.nationality, "nationality");
            String[] names = names(f.names);
            Sex sex = Sex.fromCode(f.sex);
            if (sex == null) {
                problems.add(new Problem.InvalidField(MrzField.SEX, String.valueOf(f.sex),
                        "sex must be M, F, X or <"));
            }
            Optional<MrzDate> birth = MrzDate.parseBirth(f.birth, today);
            if (birth.isEmpty()) {
                problems.add(new Problem.InvalidField(MrzField.BIRTH_DATE, f.birth,
                        "the date of birth is not a valid YYMMDD date (unknown parts may be <<)"));
            } else if (birth.get().toLocalDate().filter(d -> d.isAfter(today)).isPresent()) {
                problems.add(new Problem.InvalidField(MrzField.BIRTH_DATE, f.birth,
                        "the date of birth lies in the future"));
            }
            Optional<LocalDate> expiry = MrzDate.parseExpiry(f.expiry);
            if (expiry.isEmpty()) {
                problems.add(new Problem.InvalidField(MrzField.EXPIRY_DATE, f.expiry,
                        "the expiry date is not a valid YYMMDD date"));
            }
            if (!problems.isEmpty()) {
                return new MrzResult.Invalid(problems);
            }
            return new MrzResult.Valid(new MrzDocument(format, code, state, names[0], names[1], f.documentNumber,
                    nationality, birth.get(), sex, expiry.get(), stripFillers(f.optional), stripFillers(f.optional2)));
        }

        private String documentCode(String code) {
            char first = code.charAt(0);
            char second = code.charAt(1);
            boolean firstOk = format == MrzFormat.TD3 ? first == 'P' : (first == 'A' || first == 'C' || first == 'I');
            if (!firstOk || !(Character.isLetter(second) || second == '<')) {
                problems.add(new Problem.InvalidField(MrzField.DOCUMENT_CODE, code, format == MrzFormat.TD3
                        ? "a passport's document code must start with P"
                        : "an ID card's document code must start with A, C or I"));
            }
            return stripFillers(code);
        }

        private String state(MrzField field, String value, String label) {
            if (!value.matches("[A-Z][A-Z<]{2}") || value.matches(".*<[A-Z].*")) {
                problems.add(new Problem.InvalidField(field, value,
                        "the " + label + " must be a letter code, padded with <"));
            }
            return stripFillers(value);
        }

        /** Returns {surname, given names}; primary and secondary identifiers are separated by the first {@code <<}. */
        private String[] names(String field) {
            if (!field.matches("[A-Z][A-Z<]*")) {
                problems.add(new Problem.InvalidField(MrzField.NAME, field,
                        "the name must start with a letter and hold only letters and <"));
                return new String[] {"", ""};
            }
            int split = field.indexOf("<<");
            String primary = split < 0 ? field : field.substring(0, split);
            String secondary = split < 0 ? "" : field.substring(split + 2);
            return new String[] {fillersToSpaces(primary), fillersToSpaces(secondary)};
        }

        private static String fillersToSpaces(String s) {
            return s.replace('<', ' ').trim().replaceAll(" +", " ");
        }

        private static String stripFillers(String s) {
            int end = s.length();
            while (end > 0 && s.charAt(end - 1) == '<') {
                end--;
            }
            return s.substring(0, end);
        }

        private static boolean isFiller(String s) {
            return s.chars().allMatch(c -> c == '<');
        }
    }

    /** The raw pieces of one zone, in 9303 terms. */
    private static final class Fields {
        String code;
        String state;
        String names;
        String number;
        char numberCheck;
        String documentNumber;
        String nationality;
        String birth;
        char birthCheck;
        char sex;
        String expiry;
        char expiryCheck;
        String optional;
        String optional2;
        String composite;
        char compositeCheck;
    }
}
