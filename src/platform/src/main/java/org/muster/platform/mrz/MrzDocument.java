package org.muster.platform.mrz;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * The fields of a machine readable zone whose check digits all verified.
 *
 * @param documentCode   e.g. {@code P}, {@code PD}, {@code I}, {@code AC} (trailing fillers removed)
 * @param issuingState   e.g. {@code UTO}, or {@code D} for Germany (trailing fillers removed)
 * @param surname        primary identifier, fillers turned into spaces
 * @param givenNames     secondary identifier, fillers turned into spaces; empty when absent
 * @param documentNumber the full number, including a TD1/TD2 continuation from the optional data
 * @param birthDate      possibly partly unknown
 * @param optionalData   TD3: the personal number; TD1: line 1 optional data (after any number continuation);
 *                       TD2: the optional data (after any number continuation). Trailing fillers removed.
 * @param optionalData2  TD1: line 2 optional data; empty for TD2 and TD3
 */
public record MrzDocument(
        MrzFormat format,
        String documentCode,
        String issuingState,
        String surname,
        String givenNames,
        String documentNumber,
        String nationality,
        MrzDate birthDate,
        Sex sex,
        LocalDate expiryDate,
        String optionalData,
        String optionalData2) {

    public MrzDocument {
        Objects.requireNonNull(format);
        Objects.requireNonNull(documentCode);
        Objects.requireNonNull(issuingState);
        Objects.requireNonNull(surname);
        Objects.requireNonNull(givenNames);
        Objects.requireNonNull(documentNumber);
        Objects.requireNonNull(nationality);
        Objects.requireNonNull(birthDate);
        Objects.requireNonNull(sex);
        Objects.requireNonNull(expiryDate);
        Objects.requireNonNull(optionalData);
        Objects.requireNonNull(optionalData2);
    }

    /** The TD3 personal number; the same as {@link #optionalData()}. */
    public String personalNumber() {
        return optionalData;
    }

    /**
     * Whether this document belongs to the person on a manifest entry. The document number is compared ignoring
     * case, spaces, dashes and fillers; the birth date must agree on every part the MRZ knows; the surname is
     * compared leniently: case ignored, accents stripped (and ß, Æ, Ø, Œ, Ł, Đ, Þ transliterated as 9303 does),
     * and {@code -}, space, {@code '} and {@code <} all treated as the same separator, which is then ignored, so
     * {@code "O'Brien"} matches both {@code O<BRIEN} and the 9303-recommended {@code OBRIEN}.
     */
    public boolean matches(String documentNumber, LocalDate birthDate, String surname) {
        if (documentNumber == null || birthDate == null || surname == null) {
            return false;
        }
        return compact(documentNumber).equals(compact(this.documentNumber))
                && this.birthDate.isCompatibleWith(birthDate)
                && !compact(surname).isEmpty()
                && compact(surname).equals(compact(this.surname));
    }

    /** Upper-cases, transliterates to A-Z and drops every separator. */
    static String compact(String text) {
        String upper = text.toUpperCase(Locale.ROOT)
                .replace("ß", "SS").replace("ẞ", "SS")
                .replace("Æ", "AE").replace("Ø", "OE").replace("Œ", "OE")
                .replace("Ł", "L").replace("Đ", "D").replace("Ð", "D").replace("Þ", "TH");
        String stripped = Normalizer.normalize(upper, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return stripped.replaceAll("[-' <\\s]", "");
    }
}
