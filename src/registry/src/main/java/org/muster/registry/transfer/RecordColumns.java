package org.muster.registry.transfer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.DuplicateHeaderMode;

import java.util.List;
import java.util.Set;

/**
 * The columns of the consular records CSV, the same for import and export. UTF-8, comma
 * separated, RFC 4180 quoting, a header row naming the columns (in any order).
 *
 * <table>
 * <caption>Columns</caption>
 * <tr><th>column</th><th>required</th><th>content</th></tr>
 * <tr><td>external_id</td><td>yes</td><td>the consulate's own record id; importing it again changes nothing</td></tr>
 * <tr><td>given_names</td><td>yes</td><td>up to 100 characters</td></tr>
 * <tr><td>family_name</td><td>yes</td><td>up to 100 characters</td></tr>
 * <tr><td>date_of_birth</td><td>yes</td><td>YYYY-MM-DD, in the past</td></tr>
 * <tr><td>nationality</td><td>yes</td><td>ISO 3166-1 alpha-2</td></tr>
 * <tr><td>preferred_language</td><td>no</td><td>BCP 47 tag; empty is en</td></tr>
 * <tr><td>country</td><td>yes</td><td>ISO 3166-1 alpha-2 of where the person is</td></tr>
 * <tr><td>region</td><td>yes</td><td>ISO 3166-2 code of a region of that country</td></tr>
 * <tr><td>city</td><td>no</td><td>up to 100 characters</td></tr>
 * <tr><td>phone</td><td>no</td><td>read with the country as default region, stored as E.164; a mobile number
 * becomes an SMS contact, another a VOICE one</td></tr>
 * <tr><td>email</td><td>no</td><td>stored lower-cased</td></tr>
 * <tr><td>document_type</td><td>with a document</td><td>PASSPORT, ID_CARD, TRAVEL_DOCUMENT or RESIDENCE_PERMIT</td></tr>
 * <tr><td>document_number</td><td>with a document</td><td>3 to 20 letters, digits, spaces and dashes</td></tr>
 * <tr><td>document_issuing_country</td><td>with a document</td><td>ISO 3166-1 alpha-2</td></tr>
 * <tr><td>vulnerabilities</td><td>no</td><td>semicolon-separated names of
 * {@link org.muster.contracts.common.Vulnerability}, e.g. {@code ELDERLY;MEDICAL}</td></tr>
 * <tr><td>household_ref</td><td>no</td><td>rows sharing it form one household, in this file and later ones;
 * empty: a household of one</td></tr>
 * </table>
 *
 * <p>The three document columns are given together or all left empty. A column that is not
 * required may be left out of the header altogether.
 */
final class RecordColumns {

    static final String EXTERNAL_ID = "external_id";
    static final String GIVEN_NAMES = "given_names";
    static final String FAMILY_NAME = "family_name";
    static final String DATE_OF_BIRTH = "date_of_birth";
    static final String NATIONALITY = "nationality";
    static final String PREFERRED_LANGUAGE = "preferred_language";
    static final String COUNTRY = "country";
    static final String REGION = "region";
    static final String CITY = "city";
    static final String PHONE = "phone";
    static final String EMAIL = "email";
    static final String DOCUMENT_TYPE = "document_type";
    static final String DOCUMENT_NUMBER = "document_number";
    static final String DOCUMENT_ISSUING_COUNTRY = "document_issuing_country";
    static final String VULNERABILITIES = "vulnerabilities";
    static final String HOUSEHOLD_REF = "household_ref";

    /** All columns, in the order export writes them. */
    static final List<String> ALL = List.of(EXTERNAL_ID, GIVEN_NAMES, FAMILY_NAME, DATE_OF_BIRTH, NATIONALITY,
            PREFERRED_LANGUAGE, COUNTRY, REGION, CITY, PHONE, EMAIL, DOCUMENT_TYPE, DOCUMENT_NUMBER,
            DOCUMENT_ISSUING_COUNTRY, VULNERABILITIES, HOUSEHOLD_REF);

    /** The columns an import's header must name. */
    static final Set<String> REQUIRED = Set.of(EXTERNAL_ID, GIVEN_NAMES, FAMILY_NAME, DATE_OF_BIRTH, NATIONALITY,
            COUNTRY, REGION);

    static final String MEDIA_TYPE = "text/csv";

    /** Reading: the first row is the header; names must not repeat. */
    static final CSVFormat READ = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();

    /** Writing: the header first, CRLF line ends, quotes where a value needs them. */
    static final CSVFormat WRITE = CSVFormat.RFC4180.builder()
            .setHeader(ALL.toArray(String[]::new))
            .get();

    private RecordColumns() {
    }
}
