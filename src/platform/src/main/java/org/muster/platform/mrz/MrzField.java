package org.muster.platform.mrz;

/** The data fields of a machine readable zone, used to say which one holds an impossible value. */
public enum MrzField {
    DOCUMENT_CODE,
    ISSUING_STATE,
    NAME,
    DOCUMENT_NUMBER,
    NATIONALITY,
    BIRTH_DATE,
    SEX,
    EXPIRY_DATE,
    OPTIONAL_DATA
}
