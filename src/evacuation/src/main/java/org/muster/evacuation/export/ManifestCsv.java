package org.muster.evacuation.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.muster.evacuation.manifest.ManifestEntry;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** The manifest as CSV: one row per passenger, a header row, RFC 4180 quoting. */
public final class ManifestCsv {

    public static final String[] HEADER = {"entry_id", "national_id", "household_id", "name", "surname", "given_names",
        "date_of_birth", "sex", "nationality", "document_type", "document_number", "issuing_state", "seats", "priority",
        "status", "checked_in_at", "boarded_at"};

    private ManifestCsv() {
    }

    public static String write(List<ManifestEntry> entries) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (ManifestEntry e : entries) {
                csv.printRecord(e.id, e.nationalId, e.householdId, safe(e.displayName), safe(e.surname),
                        safe(e.givenNames), e.dateOfBirth, e.sex, e.nationality, e.documentType, e.documentNumber,
                        e.issuingState, e.seats, e.priority, e.status, e.checkedInAt, e.boardedAt);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Text a spreadsheet would run as a formula gets a leading apostrophe. */
    static String safe(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' ? "'" + text : text;
    }
}
