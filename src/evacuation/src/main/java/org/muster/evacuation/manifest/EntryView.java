package org.muster.evacuation.manifest;

import org.muster.contracts.common.ManifestStatus;
import org.muster.evacuation.allocation.PriorityClass;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A manifest entry as staff read it. */
public record EntryView(UUID id, UUID flightId, UUID nationalId, UUID householdId, String nationality,
                        String displayName, String preferredLanguage, int seats, PriorityClass priority,
                        ManifestStatus status, String reason, Document document, Instant confirmedAt,
                        Instant checkedInAt, Instant boardedAt, long version) {

    /** The travel document known for the passenger; null until recorded or scanned. */
    public record Document(String type, String number, String issuingState, String surname, String givenNames,
                           LocalDate dateOfBirth, String sex, String nationality, LocalDate expiresOn) {
    }

    public static EntryView of(ManifestEntry e) {
        Document document = e.documentNumber == null ? null : new Document(e.documentType, e.documentNumber,
                e.issuingState, e.surname, e.givenNames, e.dateOfBirth, e.sex, e.documentNationality,
                e.documentExpiresOn);
        return new EntryView(e.id, e.flightId, e.nationalId, e.householdId, e.nationality, e.displayName,
                e.preferredLanguage, e.seats, e.priority, e.status, e.reason, document, e.confirmedAt, e.checkedInAt,
                e.boardedAt, e.version);
    }
}
