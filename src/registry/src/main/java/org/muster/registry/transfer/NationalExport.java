package org.muster.registry.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.commons.csv.CSVPrinter;
import org.muster.contracts.common.Channel;
import org.muster.registry.audit.AuditLog;
import org.muster.registry.national.IdentityDocument;
import org.muster.registry.national.National;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes every national as CSV, in the columns of {@link RecordColumns}: the people imported
 * carry their external id and household reference, the others an empty external id and their
 * household's id as reference (empty for a household of one, as on import). Audited once, with
 * the number of rows.
 */
@ApplicationScoped
public class NationalExport {

    @Inject
    EntityManager entityManager;

    @Inject
    AuditLog audit;

    @Transactional
    public String exportCsv(String actor) {
        List<National> people = entityManager.createQuery("SELECT DISTINCT n FROM National n "
                + "LEFT JOIN FETCH n.contactPoints ORDER BY n.familyName, n.givenNames, n.id", National.class)
                .getResultList();
        if (!people.isEmpty()) {
            // Loads the documents into the same entities: two collections cannot be fetched in one query.
            entityManager.createQuery("SELECT DISTINCT n FROM National n LEFT JOIN FETCH n.documents", National.class)
                    .getResultList();
        }
        Map<UUID, String> externalIds = pairs("SELECT national_id, external_id FROM imported_record WHERE national_id IS NOT NULL");
        Map<UUID, String> householdRefs = pairs("SELECT household_id, household_ref FROM imported_household");

        Map<UUID, Long> householdSizes = new HashMap<>();
        people.forEach(n -> householdSizes.merge(n.householdId, 1L, Long::sum));

        StringBuilder csv = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(csv, RecordColumns.WRITE)) {
            for (National n : people) {
                String phone = n.contactPoints.stream().filter(c -> c.channel != Channel.EMAIL)
                        .map(c -> c.address).findFirst().orElse(null);
                String email = n.contactPoints.stream().filter(c -> c.channel == Channel.EMAIL)
                        .map(c -> c.address).findFirst().orElse(null);
                IdentityDocument document = n.documents.isEmpty() ? null : n.documents.get(0);
                printer.printRecord(
                        SpreadsheetText.guard(externalIds.get(n.id)),
                        SpreadsheetText.guard(n.givenNames),
                        SpreadsheetText.guard(n.familyName),
                        n.dateOfBirth,
                        n.nationality,
                        n.preferredLanguage,
                        n.locationCountry,
                        n.locationRegion,
                        SpreadsheetText.guard(n.locationCity),
                        phone,
                        // An address may begin with = or - (RFC 5321 allows it); a phone is E.164, digits after its +.
                        SpreadsheetText.guard(email),
                        document == null ? null : document.type,
                        document == null ? null : document.number,
                        document == null ? null : document.issuingCountry,
                        String.join(";", n.vulnerabilities),
                        SpreadsheetText.guard(householdRef(n.householdId, householdRefs, householdSizes)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record(actor, AuditLog.Action.EXPORTED, null, people.size() + " rows");
        return csv.toString();
    }

    /** The imported reference; the household's id when it has several people; empty for one alone. */
    private static String householdRef(UUID householdId, Map<UUID, String> householdRefs, Map<UUID, Long> sizes) {
        if (householdRefs.containsKey(householdId)) {
            return householdRefs.get(householdId);
        }
        return sizes.get(householdId) > 1 ? householdId.toString() : null;
    }

    private Map<UUID, String> pairs(String sql) {
        Map<UUID, String> pairs = new HashMap<>();
        for (Object row : entityManager.createNativeQuery(sql).getResultList()) {
            Object[] columns = (Object[]) row;
            pairs.put((UUID) columns[0], (String) columns[1]);
        }
        return pairs;
    }
}
