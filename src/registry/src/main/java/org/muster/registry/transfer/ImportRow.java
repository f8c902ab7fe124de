package org.muster.registry.transfer;

import org.muster.registry.registration.DocumentNumbers;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.muster.contracts.common.Channel;
import org.muster.contracts.common.Vulnerability;
import org.muster.registry.registration.Registration;
import org.muster.registry.registration.RegistrationRules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One row of an import, read into a {@link Registration} of one person and checked with the same
 * constraints and {@link RegistrationRules} as a registration, so that an imported record meets
 * the rules a registered one does.
 *
 * @param line         the line of the file the row starts on (the header is line 1)
 * @param values       the row's values by column, stripped; absent and empty are both null
 * @param registration the person as a registration, when the row could be read
 * @param contacts     the normalised contact points, when the row is valid
 * @param errors       what is wrong with the row, column by column; empty when it is valid
 */
record ImportRow(long line, Map<String, String> values, Registration registration,
                 List<RegistrationRules.NormalisedContact> contacts, List<Rejection> errors) {

    /** The consent version imported records carry: the consulate holds the consent on file. */
    static final String CONSENT_VERSION = "import";
    /** The language of a person whose row names none. */
    static final String DEFAULT_LANGUAGE = "en";

    /** One thing wrong with one row. */
    record Rejection(long line, String field, String message) {
    }

    boolean valid() {
        return errors.isEmpty();
    }

    String externalId() {
        return values.get(RecordColumns.EXTERNAL_ID);
    }

    String householdRef() {
        return values.get(RecordColumns.HOUSEHOLD_REF);
    }

    /**
     * SHA-256 over the row as it is stored (normalised phone, email and document number, the
     * default language): the same row again, or the row as export writes it, has the same hash.
     * Only for a valid row.
     */
    String hash() {
        Registration.Person person = registration.registrant();
        Registration.Document document = person.document();
        List<String> canonical = new ArrayList<>();
        canonical.add(externalId());
        canonical.add(person.givenNames());
        canonical.add(person.familyName());
        canonical.add(person.dateOfBirth().toString());
        canonical.add(person.nationality());
        canonical.add(person.preferredLanguage() == null ? DEFAULT_LANGUAGE : person.preferredLanguage());
        canonical.add(registration.location().country());
        canonical.add(registration.location().region());
        canonical.add(registration.location().city());
        contacts.forEach(c -> canonical.add(c.channel() + " " + c.address()));
        canonical.add(document == null ? null : document.type() + " " + DocumentNumbers.normalise(document.number()) + " "
                + document.issuingCountry());
        canonical.add(String.join(";", person.vulnerabilities().stream().map(Vulnerability::name).distinct().toList()));
        canonical.add(householdRef());
        StringBuilder joined = new StringBuilder();
        canonical.forEach(value -> joined.append(value == null ? "" : value).append('\u001f'));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(joined.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads and checks a row given as column → raw value. */
    static ImportRow read(long line, Map<String, String> raw, Validator validator, RegistrationRules rules,
                          LocalDate today) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String column : RecordColumns.ALL) {
            String value = raw.get(column);
            values.put(column, value == null || value.isBlank() ? null : SpreadsheetText.unguard(value.strip()));
        }
        List<Rejection> errors = new ArrayList<>();
        Set<String> reported = new LinkedHashSet<>();

        if (values.get(RecordColumns.EXTERNAL_ID) == null) {
            reject(line, RecordColumns.EXTERNAL_ID, "must not be empty", errors, reported);
        } else if (values.get(RecordColumns.EXTERNAL_ID).length() > 100) {
            reject(line, RecordColumns.EXTERNAL_ID, "must be at most 100 characters", errors, reported);
        }
        if (values.get(RecordColumns.HOUSEHOLD_REF) != null && values.get(RecordColumns.HOUSEHOLD_REF).length() > 100) {
            reject(line, RecordColumns.HOUSEHOLD_REF, "must be at most 100 characters", errors, reported);
        }
        LocalDate dateOfBirth = null;
        if (values.get(RecordColumns.DATE_OF_BIRTH) != null) {
            try {
                dateOfBirth = LocalDate.parse(values.get(RecordColumns.DATE_OF_BIRTH));
            } catch (DateTimeParseException e) {
                reject(line, RecordColumns.DATE_OF_BIRTH, "is not a date in the form YYYY-MM-DD", errors, reported);
            }
        }
        List<Vulnerability> vulnerabilities = new ArrayList<>();
        String listed = values.get(RecordColumns.VULNERABILITIES);
        if (listed != null) {
            for (String name : listed.split(";")) {
                if (name.isBlank()) {
                    continue;
                }
                try {
                    vulnerabilities.add(Vulnerability.valueOf(name.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    reject(line, RecordColumns.VULNERABILITIES, "'" + name.strip() + "' is not one of "
                            + List.of(Vulnerability.values()), errors, reported);
                }
            }
        }
        Registration.Document document = null;
        String documentType = values.get(RecordColumns.DOCUMENT_TYPE);
        String documentNumber = values.get(RecordColumns.DOCUMENT_NUMBER);
        String documentCountry = values.get(RecordColumns.DOCUMENT_ISSUING_COUNTRY);
        if (documentType != null || documentNumber != null || documentCountry != null) {
            document = new Registration.Document(documentType == null ? null : documentType.toUpperCase(Locale.ROOT),
                    documentNumber, documentCountry, null);
        }
        // Contacts in a known order, so that a rule's "contacts[i]" names the column back.
        List<String> contactColumns = new ArrayList<>();
        List<Registration.Contact> contacts = new ArrayList<>();
        if (values.get(RecordColumns.PHONE) != null) {
            // VOICE accepts any valid number; whether it takes SMS is decided once it is normalised.
            contacts.add(new Registration.Contact(Channel.VOICE, values.get(RecordColumns.PHONE)));
            contactColumns.add(RecordColumns.PHONE);
        }
        if (values.get(RecordColumns.EMAIL) != null) {
            contacts.add(new Registration.Contact(Channel.EMAIL, values.get(RecordColumns.EMAIL)));
            contactColumns.add(RecordColumns.EMAIL);
        }
        Registration.Person person = new Registration.Person(values.get(RecordColumns.GIVEN_NAMES),
                values.get(RecordColumns.FAMILY_NAME), dateOfBirth, values.get(RecordColumns.NATIONALITY),
                values.get(RecordColumns.PREFERRED_LANGUAGE), document, vulnerabilities, null);
        Registration registration = new Registration(person, List.of(),
                new Registration.Location(values.get(RecordColumns.COUNTRY), values.get(RecordColumns.REGION),
                        values.get(RecordColumns.CITY), null, null),
                contacts, new Registration.Consent(CONSENT_VERSION, true));

        for (ConstraintViolation<Registration> violation : validator.validate(registration)) {
            String path = violation.getPropertyPath().toString();
            if (path.equals("contacts")) {
                continue; // a person may have no contact of their own: the household is reached
            }
            String column = column(path, contactColumns);
            if (column != null) {
                reject(line, column, violation.getMessage(), errors, reported);
            }
        }
        List<RegistrationRules.NormalisedContact> normalised = List.of();
        if (errors.isEmpty()) {
            RegistrationRules.Checked checked = rules.check(registration, today);
            for (var error : checked.errors()) {
                String column = column(error.field(), contactColumns);
                reject(line, column == null ? error.field() : column, error.message(), errors, reported);
            }
            normalised = checked.contacts();
        }
        return new ImportRow(line, values, registration, normalised, List.copyOf(errors));
    }

    private static void reject(long line, String field, String message, List<Rejection> errors, Set<String> reported) {
        if (reported.add(field)) {
            errors.add(new Rejection(line, field, message));
        }
    }

    /** The column a registration's field came from: "registrant.familyName" → family_name. */
    static String column(String field, List<String> contactColumns) {
        String path = field.startsWith("registrant.") ? field.substring("registrant.".length()) : field;
        if (path.startsWith("contacts[")) {
            int index = Integer.parseInt(path.substring("contacts[".length(), path.indexOf(']')));
            return index < contactColumns.size() ? contactColumns.get(index) : null;
        }
        return switch (path) {
            case "givenNames" -> RecordColumns.GIVEN_NAMES;
            case "familyName" -> RecordColumns.FAMILY_NAME;
            case "dateOfBirth" -> RecordColumns.DATE_OF_BIRTH;
            case "nationality" -> RecordColumns.NATIONALITY;
            case "preferredLanguage" -> RecordColumns.PREFERRED_LANGUAGE;
            case "document.type" -> RecordColumns.DOCUMENT_TYPE;
            case "document.number" -> RecordColumns.DOCUMENT_NUMBER;
            case "document.issuingCountry" -> RecordColumns.DOCUMENT_ISSUING_COUNTRY;
            case "vulnerabilities" -> RecordColumns.VULNERABILITIES;
            case "location.country" -> RecordColumns.COUNTRY;
            case "location.region" -> RecordColumns.REGION;
            case "location.city" -> RecordColumns.CITY;
            default -> path.startsWith("vulnerabilities") ? RecordColumns.VULNERABILITIES : null;
        };
    }
}
