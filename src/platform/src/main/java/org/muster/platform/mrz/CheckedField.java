package org.muster.platform.mrz;

/** The parts of a machine readable zone protected by a check digit. */
public enum CheckedField {
    DOCUMENT_NUMBER("the document number's check digit is wrong: rescan or type the document number"),
    BIRTH_DATE("the date of birth's check digit is wrong: rescan or type the date of birth"),
    EXPIRY_DATE("the expiry date's check digit is wrong: rescan or type the expiry date"),
    PERSONAL_NUMBER("the personal number's check digit is wrong: rescan or type the personal number"),
    COMPOSITE("the composite check digit over the whole zone is wrong: rescan the document");

    private final String advice;

    CheckedField(String advice) {
        this.advice = advice;
    }

    /** A sentence for the officer's screen. */
    public String advice() {
        return advice;
    }
}
