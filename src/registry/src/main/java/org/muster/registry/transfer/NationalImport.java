package org.muster.registry.transfer;

import org.muster.registry.registration.DocumentNumbers;
import org.muster.registry.registration.References;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.Validator;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.muster.contracts.common.Channel;
import org.muster.contracts.common.EvacuationStatus;
import org.muster.contracts.common.Vulnerability;
import org.muster.contracts.common.WelfareStatus;
import org.muster.platform.contact.PhoneNumbers;
import org.muster.platform.geo.Languages;
import org.muster.platform.geo.Subdivisions;
import org.muster.platform.problem.Problem;
import org.muster.platform.problem.ProblemException;
import org.muster.registry.audit.AuditLog;
import org.muster.registry.national.ContactPoint;
import org.muster.registry.national.IdentityDocument;
import org.muster.registry.national.National;
import org.muster.registry.national.NationalSnapshots;
import org.muster.registry.registration.Registration;
import org.muster.registry.registration.RegistrationRules;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Imports the consulate's existing records from CSV (columns in {@link RecordColumns}). Each row
 * is imported in a transaction of its own, with its snapshot and audit entry: a bad row is
 * reported and leaves nothing behind, the good ones are kept. Rows are recognised by their
 * external id, so the same file imported again changes nothing.
 */
@ApplicationScoped
public class NationalImport {

    /** More rows than this in one file is a 413: split the file. */
    static final int MAX_ROWS = 10_000;
    /** More characters than this in one file is a 413 (a row is far below 1,000). */
    static final int MAX_CHARACTERS = 10_000_000;

    /** What became of one row. */
    private enum Outcome { IMPORTED, UNCHANGED }

    @Inject
    EntityManager entityManager;

    @Inject
    NationalSnapshots snapshots;

    @Inject
    AuditLog audit;

    @Inject
    Validator validator;

    private final RegistrationRules rules = new RegistrationRules(Subdivisions.bundled());

    public ImportSummary importCsv(String csv, String actor) {
        if (csv == null || csv.isBlank()) {
            throw ProblemException.invalid("body", null, "is empty: send a CSV file with a header row");
        }
        if (csv.length() > MAX_CHARACTERS) {
            throw tooLarge("The file has more than " + MAX_CHARACTERS + " characters. Split it and import the parts.");
        }
        String body = csv.charAt(0) == '\uFEFF' ? csv.substring(1) : csv;
        List<ImportRow> rows = read(body);
        int imported = 0;
        int unchanged = 0;
        List<ImportSummary.Rejected> rejected = new ArrayList<>();
        for (ImportRow row : rows) {
            if (!row.valid()) {
                row.errors().forEach(e -> rejected.add(new ImportSummary.Rejected(e.line(), e.field(), e.message())));
                continue;
            }
            try {
                Outcome outcome = QuarkusTransaction.requiringNew().call(() -> importRow(row, actor));
                if (outcome == Outcome.IMPORTED) {
                    imported++;
                } else {
                    unchanged++;
                }
            } catch (RowRejected e) {
                rejected.add(new ImportSummary.Rejected(row.line(), e.field, e.getMessage()));
            } catch (RuntimeException e) {
                rejected.add(rejectionFor(row.line(), e));
            }
        }
        return new ImportSummary(imported, unchanged, List.copyOf(rejected));
    }

    /** Parses the whole file first: a file-level problem (header, quoting, size) imports nothing. */
    private List<ImportRow> read(String body) {
        LocalDate today = LocalDate.now(Clock.systemUTC());
        List<ImportRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(body), RecordColumns.READ)) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                    .toList();
            List<Problem.FieldError> missing = RecordColumns.REQUIRED.stream().sorted()
                    .filter(column -> !header.contains(column))
                    .map(column -> new Problem.FieldError(column, null, "column is missing from the header row"))
                    .toList();
            if (!missing.isEmpty()) {
                throw ProblemException.invalid(missing);
            }
            List<String> names = parser.getHeaderNames();
            long lines = parser.getCurrentLineNumber();
            Iterator<CSVRecord> records = parser.iterator();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                long line = lines + 1;
                lines = parser.getCurrentLineNumber();
                if (rows.size() == MAX_ROWS) {
                    throw tooLarge("The file has more than " + MAX_ROWS + " rows. Split it and import the parts.");
                }
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < names.size() && i < record.size(); i++) {
                    values.put(header.get(i), record.get(i));
                }
                rows.add(ImportRow.read(line, values, validator, rules, today));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            // Duplicate or empty header names, an unclosed quote: the file cannot be read as CSV.
            throw new ProblemException(Problem.invalid("The file is not valid CSV: " + e.getMessage(),
                    List.of(new Problem.FieldError("body", null, "is not valid CSV"))));
        }
        return rows;
    }

    /** One row, in the transaction the caller opened. */
    Outcome importRow(ImportRow row, String actor) {
        List<?> earlier = entityManager.createNativeQuery(
                        "SELECT row_hash, national_id FROM imported_record WHERE external_id = ?1")
                .setParameter(1, row.externalId()).getResultList();
        if (!earlier.isEmpty()) {
            Object[] record = (Object[]) earlier.get(0);
            if (record[1] == null) {
                throw new RowRejected(RecordColumns.EXTERNAL_ID, "belongs to a person erased from the registry: "
                        + "not imported again");
            }
            if (row.hash().equals(record[0])) {
                return Outcome.UNCHANGED;
            }
            throw new RowRejected(RecordColumns.EXTERNAL_ID, "was imported before with other values: "
                    + "change that record in the registry rather than by import");
        }
        Registration registration = row.registration();
        Registration.Person person = registration.registrant();
        Registration.Document document = person.document();
        String documentNumber = document == null ? null : DocumentNumbers.normalise(document.number());
        if (document != null && IdentityDocument.count("issuingCountry = ?1 and type = ?2 and number = ?3",
                document.issuingCountry(), document.type(), documentNumber) > 0) {
            throw new RowRejected(RecordColumns.DOCUMENT_NUMBER, "is already registered to another person");
        }
        Instant now = Instant.now();
        UUID householdId = household(row.householdRef(), now);

        National national = new National();
        national.id = UUID.randomUUID();
        national.reference = References.next();
        national.householdId = householdId;
        national.givenNames = person.givenNames();
        national.familyName = person.familyName();
        national.dateOfBirth = person.dateOfBirth();
        national.nationality = person.nationality();
        national.preferredLanguage = person.preferredLanguage() != null
                ? Languages.normalise(person.preferredLanguage()).orElse(person.preferredLanguage()) : ImportRow.DEFAULT_LANGUAGE;
        national.locationCountry = registration.location().country();
        national.locationRegion = registration.location().region();
        national.locationCity = registration.location().city();
        national.locationReportedAt = now;
        national.vulnerabilities = new ArrayList<>(person.vulnerabilities().stream().map(Vulnerability::name)
                .distinct().toList());
        national.welfareStatus = WelfareStatus.UNKNOWN;
        national.evacuationStatus = EvacuationStatus.NOT_REQUESTED;
        national.consentAt = now;
        national.consentVersion = ImportRow.CONSENT_VERSION;
        national.registeredBy = actor;
        national.createdAt = now;
        national.updatedAt = now;
        for (RegistrationRules.NormalisedContact c : row.contacts()) {
            ContactPoint contact = new ContactPoint();
            contact.id = UUID.randomUUID();
            contact.channel = c.channel() == Channel.VOICE && PhoneNumbers.isLikelyMobile(c.address())
                    ? Channel.SMS : c.channel();
            contact.address = c.address();
            contact.preference = c.preference();
            national.addContactPoint(contact);
        }
        if (document != null) {
            IdentityDocument stored = new IdentityDocument();
            stored.id = UUID.randomUUID();
            stored.type = document.type();
            stored.number = documentNumber;
            stored.issuingCountry = document.issuingCountry();
            national.addDocument(stored);
        }
        national.persist();
        entityManager.createNativeQuery("INSERT INTO imported_record (external_id, national_id, row_hash, "
                        + "imported_at, imported_by) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, row.externalId()).setParameter(2, national.id).setParameter(3, row.hash())
                .setParameter(4, now).setParameter(5, actor).executeUpdate();
        snapshots.publish(national);
        audit.record(actor, AuditLog.Action.IMPORTED, national.id,
                "external id " + row.externalId() + ", household " + householdId);
        return Outcome.IMPORTED;
    }

    /** The household a reference stands for, made the first time it is seen; a new one without one. */
    private UUID household(String householdRef, Instant now) {
        if (householdRef != null) {
            List<?> known = entityManager.createNativeQuery(
                            "SELECT household_id FROM imported_household WHERE household_ref = ?1")
                    .setParameter(1, householdRef).getResultList();
            if (!known.isEmpty()) {
                return (UUID) known.get(0);
            }
        }
        UUID householdId = UUID.randomUUID();
        entityManager.createNativeQuery("INSERT INTO household (id, created_at) VALUES (?1, ?2)")
                .setParameter(1, householdId).setParameter(2, now).executeUpdate();
        if (householdRef != null) {
            entityManager.createNativeQuery(
                            "INSERT INTO imported_household (household_ref, household_id) VALUES (?1, ?2)")
                    .setParameter(1, householdRef).setParameter(2, householdId).executeUpdate();
        }
        return householdId;
    }

    /**
     * A row that lost a race with another import or registration: a constraint of the database
     * refused it after the checks passed.
     */
    private static ImportSummary.Rejected rejectionFor(long line, RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains("identity_document_once")) {
                return new ImportSummary.Rejected(line, RecordColumns.DOCUMENT_NUMBER,
                        "is already registered to another person");
            }
            if (message.contains("imported_record_pkey")) {
                return new ImportSummary.Rejected(line, RecordColumns.EXTERNAL_ID,
                        "was imported at the same time by another import");
            }
            if (message.contains("imported_household_pkey")) {
                return new ImportSummary.Rejected(line, RecordColumns.HOUSEHOLD_REF,
                        "was imported at the same time by another import: import the file again");
            }
        }
        throw e;
    }

    private static ProblemException tooLarge(String detail) {
        return new ProblemException(Problem.of("payload-too-large", "The file is too large", 413, detail));
    }

    /** A row refused by a check against recorded data; its transaction is rolled back. */
    static final class RowRejected extends RuntimeException {
        final String field;

        RowRejected(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }
}
