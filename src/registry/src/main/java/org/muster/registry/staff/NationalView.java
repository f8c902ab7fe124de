package org.muster.registry.staff;

import org.muster.contracts.common.Channel;
import org.muster.contracts.common.EvacuationStatus;
import org.muster.contracts.common.WelfareStatus;
import org.muster.registry.national.National;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A person's record as consular staff read it: everything the registry holds, documents
 * included, and who else is in the household. The API's shape, kept apart from the table's.
 */
public record NationalView(
        UUID id,
        String reference,
        UUID householdId,
        List<Member> household,
        String givenNames,
        String familyName,
        LocalDate dateOfBirth,
        String nationality,
        String preferredLanguage,
        Location location,
        List<String> vulnerabilities,
        String vulnerabilityNotes,
        WelfareStatus welfareStatus,
        EvacuationStatus evacuationStatus,
        List<Contact> contactPoints,
        List<Document> documents,
        Instant consentAt,
        String consentVersion,
        String registeredBy,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public record Member(UUID id, String givenNames, String familyName, LocalDate dateOfBirth, String nationality) {
    }

    public record Location(String country, String region, String city, Double latitude, Double longitude,
                           Instant reportedAt) {
    }

    public record Contact(Channel channel, String address, boolean verified, boolean optedOut, Instant optedOutAt,
                          int preference) {
    }

    public record Document(String type, String number, String issuingCountry, LocalDate expiresOn) {
    }

    static NationalView of(National n) {
        List<Member> household = National.<National>list("householdId = ?1 and id <> ?2 order by createdAt, id",
                        n.householdId, n.id).stream()
                .map(m -> new Member(m.id, m.givenNames, m.familyName, m.dateOfBirth, m.nationality)).toList();
        return new NationalView(n.id, n.reference, n.householdId, household, n.givenNames, n.familyName,
                n.dateOfBirth, n.nationality, n.preferredLanguage,
                new Location(n.locationCountry, n.locationRegion, n.locationCity, n.latitude, n.longitude,
                        n.locationReportedAt),
                List.copyOf(n.vulnerabilities), n.vulnerabilityNotes, n.welfareStatus, n.evacuationStatus,
                n.contactPoints.stream().map(c -> new Contact(c.channel, c.address, c.verified, c.optedOut,
                        c.optedOutAt, c.preference)).toList(),
                n.documents.stream().map(d -> new Document(d.type, d.number, d.issuingCountry, d.expiresOn)).toList(),
                n.consentAt, n.consentVersion, n.registeredBy, n.createdAt, n.updatedAt, n.version);
    }
}
