package org.muster.registry.national;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes the people of a new household, their identity documents and contact points, with one
 * JDBC batch per table: the rows Hibernate writes for the same entities, without its persistence
 * context. A registration writes people once and changes nothing of them afterwards in its
 * transaction, and Hibernate's persist, flush and commit-time dirty check took more than a third
 * of the request threads' CPU (JFR, issue 3's benchmark). The entities stay unmanaged: the caller
 * reads their fields for the snapshot and the answer.
 */
public final class NewNationals {

    private static final String NATIONAL = """
            INSERT INTO national (id, reference, household_id, given_names, family_name, date_of_birth, nationality,
                preferred_language, location_country, location_region, location_city, latitude, longitude,
                location_reported_at, vulnerabilities, vulnerability_notes, welfare_status, evacuation_status,
                consent_at, consent_version, registered_by, created_at, updated_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String DOCUMENT = """
            INSERT INTO identity_document (id, national_id, type, number, issuing_country, expires_on)
            VALUES (?, ?, ?, ?, ?, ?)""";
    private static final String CONTACT = """
            INSERT INTO contact_point (id, national_id, channel, address, verified, opted_out, opted_out_at, preference)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    private NewNationals() {
    }

    /** Inserts {@code people} (never persisted before) with their documents and contact points. */
    public static void insert(Connection connection, List<National> people) throws SQLException {
        try (PreparedStatement national = connection.prepareStatement(NATIONAL)) {
            for (National n : people) {
                int p = 1;
                national.setObject(p++, n.id);
                national.setString(p++, n.reference);
                national.setObject(p++, n.householdId);
                national.setString(p++, n.givenNames);
                national.setString(p++, n.familyName);
                national.setObject(p++, n.dateOfBirth);
                national.setString(p++, n.nationality);
                national.setString(p++, n.preferredLanguage);
                national.setString(p++, n.locationCountry);
                national.setString(p++, n.locationRegion);
                national.setString(p++, n.locationCity);
                national.setObject(p++, n.latitude, Types.DOUBLE);
                national.setObject(p++, n.longitude, Types.DOUBLE);
                national.setObject(p++, at(n.locationReportedAt));
                national.setArray(p++, connection.createArrayOf("text", n.vulnerabilities.toArray()));
                national.setString(p++, n.vulnerabilityNotes);
                national.setString(p++, n.welfareStatus.name());
                national.setString(p++, n.evacuationStatus.name());
                national.setObject(p++, at(n.consentAt));
                national.setString(p++, n.consentVersion);
                national.setString(p++, n.registeredBy);
                national.setObject(p++, at(n.createdAt));
                national.setObject(p++, at(n.updatedAt));
                national.setLong(p, n.version);
                national.addBatch();
            }
            national.executeBatch();
        }
        if (people.stream().anyMatch(n -> !n.documents.isEmpty())) {
            try (PreparedStatement document = connection.prepareStatement(DOCUMENT)) {
                for (National n : people) {
                    for (IdentityDocument d : n.documents) {
                        document.setObject(1, d.id);
                        document.setObject(2, n.id);
                        document.setString(3, d.type);
                        document.setString(4, d.number);
                        document.setString(5, d.issuingCountry);
                        document.setObject(6, d.expiresOn);
                        document.addBatch();
                    }
                }
                document.executeBatch();
            }
        }
        if (people.stream().anyMatch(n -> !n.contactPoints.isEmpty())) {
            try (PreparedStatement contact = connection.prepareStatement(CONTACT)) {
                for (National n : people) {
                    for (ContactPoint c : n.contactPoints) {
                        contact.setObject(1, c.id);
                        contact.setObject(2, n.id);
                        contact.setString(3, c.channel.name());
                        contact.setString(4, c.address);
                        contact.setBoolean(5, c.verified);
                        contact.setBoolean(6, c.optedOut);
                        contact.setObject(7, at(c.optedOutAt));
                        contact.setInt(8, c.preference);
                        contact.addBatch();
                    }
                }
                contact.executeBatch();
            }
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
