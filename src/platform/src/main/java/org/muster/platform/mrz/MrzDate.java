package org.muster.platform.mrz;

import java.time.LocalDate;
import java.time.Month;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A date of birth from an MRZ. 9303 lets any unknown part ({@code YY}, {@code MM} or {@code DD}) be written as
 * {@code <<}, so each part is optional; {@link #toLocalDate()} is present only when all three are known.
 * The year is the four-digit year after the century rule has been applied.
 */
public record MrzDate(String raw, OptionalInt year, OptionalInt month, OptionalInt day) {

    public MrzDate {
        Objects.requireNonNull(raw);
        Objects.requireNonNull(year);
        Objects.requireNonNull(month);
        Objects.requireNonNull(day);
    }

    public static MrzDate of(LocalDate date) {
        return new MrzDate(String.format("%02d%02d%02d", date.getYear() % 100, date.getMonthValue(), date.getDayOfMonth()),
                OptionalInt.of(date.getYear()), OptionalInt.of(date.getMonthValue()), OptionalInt.of(date.getDayOfMonth()));
    }

    public boolean isComplete() {
        return year.isPresent() && month.isPresent() && day.isPresent();
    }

    public Optional<LocalDate> toLocalDate() {
        return isComplete()
                ? Optional.of(LocalDate.of(year.getAsInt(), month.getAsInt(), day.getAsInt()))
                : Optional.empty();
    }

    /** True when every known part equals the corresponding part of {@code date}. */
    public boolean isCompatibleWith(LocalDate date) {
        return (year.isEmpty() || year.getAsInt() == date.getYear())
                && (month.isEmpty() || month.getAsInt() == date.getMonthValue())
                && (day.isEmpty() || day.getAsInt() == date.getDayOfMonth());
    }

    /**
     * Parses a {@code YYMMDD} date of birth; a two-digit year after {@code today}'s is taken as 19YY, otherwise
     * 20YY. Returns empty for malformed or impossible dates.
     */
    static Optional<MrzDate> parseBirth(String yymmdd, LocalDate today) {
        if (yymmdd.length() != 6) {
            return Optional.empty();
        }
        OptionalInt yy = part(yymmdd.substring(0, 2));
        OptionalInt mm = part(yymmdd.substring(2, 4));
        OptionalInt dd = part(yymmdd.substring(4, 6));
        if (yy == null || mm == null || dd == null) {
            return Optional.empty();
        }
        OptionalInt year = yy.isPresent()
                ? OptionalInt.of((yy.getAsInt() > today.getYear() % 100 ? 1900 : 2000) + yy.getAsInt())
                : OptionalInt.empty();
        if (mm.isPresent() && (mm.getAsInt() < 1 || mm.getAsInt() > 12)) {
            return Optional.empty();
        }
        if (dd.isPresent()) {
            int maxDay = mm.isPresent()
                    ? (year.isPresent()
                        ? LocalDate.of(year.getAsInt(), mm.getAsInt(), 1).lengthOfMonth()
                        : Month.of(mm.getAsInt()).maxLength())
                    : 31;
            if (dd.getAsInt() < 1 || dd.getAsInt() > maxDay) {
                return Optional.empty();
            }
        }
        return Optional.of(new MrzDate(yymmdd, year, mm, dd));
    }

    /** Parses a {@code YYMMDD} expiry date in the 21st century; every part must be known. */
    static Optional<LocalDate> parseExpiry(String yymmdd) {
        if (!yymmdd.matches("\\d{6}")) {
            return Optional.empty();
        }
        int year = 2000 + Integer.parseInt(yymmdd.substring(0, 2));
        int month = Integer.parseInt(yymmdd.substring(2, 4));
        int day = Integer.parseInt(yymmdd.substring(4, 6));
        if (month < 1 || month > 12 || day < 1 || day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return Optional.empty();
        }
        return Optional.of(LocalDate.of(year, month, day));
    }

    /** {@code null} when malformed, empty when unknown ({@code <<}). */
    private static OptionalInt part(String two) {
        if (two.equals("<<")) {
            return OptionalInt.empty();
        }
        if (Character.isDigit(two.charAt(0)) && Character.isDigit(two.charAt(1))) {
            return OptionalInt.of(Integer.parseInt(two));
        }
        return null;
    }
}
