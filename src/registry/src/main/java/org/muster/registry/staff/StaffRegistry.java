package org.muster.registry.staff;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.muster.contracts.common.EvacuationStatus;
import org.muster.contracts.common.WelfareStatus;
import org.muster.platform.geo.Languages;
import org.muster.platform.geo.Subdivisions;
import org.muster.platform.problem.Problem;
import org.muster.platform.problem.ProblemException;
import org.muster.registry.audit.AuditLog;
import org.muster.registry.national.Erasure;
import org.muster.registry.national.National;
import org.muster.registry.national.NationalSnapshots;
import org.muster.registry.registration.Registration;
import org.muster.registry.registration.RegistrationRules;
import org.muster.registry.registration.SelfService;
import org.muster.registry.registration.WelfareReports;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static org.muster.platform.sql.SqlValues.instant;

/** The registry as consular staff see it: search, read, counts. Every read is audited. */
@ApplicationScoped
public class StaffRegistry {

    public record Summary(UUID id, String reference, String givenNames, String familyName, LocalDate dateOfBirth,
                          String nationality, String preferredLanguage, String region, String welfareStatus,
                          String evacuationStatus, List<String> vulnerabilities, boolean reachable) {
    }

    public record Page(List<Summary> items, String next) {
    }

    public record Count(String region, String welfareStatus, String evacuationStatus, long count) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    AuditLog audit;

    @Inject
    NationalSnapshots snapshots;

    @Inject
    Erasure erasure;

    @Inject
    SecurityIdentity identity;

    @Transactional
    public Page search(NationalSearch.Criteria criteria) {
        NationalSearch.Query query = NationalSearch.query(criteria);
        Query sql = entityManager.createNativeQuery(query.sql());
        for (int i = 0; i < query.parameters().size(); i++) {
            sql.setParameter(i + 1, query.parameters().get(i));
        }
        List<Summary> items = new ArrayList<>();
        String next = null;
        List<?> rows = sql.getResultList();
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = (Object[]) rows.get(i);
            if (i == criteria.limit()) {
                Summary last = items.get(items.size() - 1);
                next = new NationalSearch.Cursor(last.familyName().toLowerCase(java.util.Locale.ROOT), last.id())
                        .encode();
                break;
            }
            items.add(new Summary((UUID) row[0], (String) row[1], (String) row[2], (String) row[3],
                    toLocalDate(row[4]), (String) row[5], (String) row[6], (String) row[7], (String) row[8],
                    (String) row[9], vulnerabilities(row[10]), (Boolean) row[11]));
        }
        audit.record(actor(), AuditLog.Action.SEARCHED, null, criteria.toString());
        return new Page(items, next);
    }

    @Transactional
    public NationalView read(UUID id) {
        National national = find(id);
        audit.record(actor(), AuditLog.Action.READ, id, null);
        return NationalView.of(national);
    }

    /** One welfare report: what was reported, when, and by whom (a reply, the citizen, an officer). */
    public record WelfareEntry(WelfareStatus status, Instant reportedAt, String source) {
    }

    /** The person's welfare history, newest first; a read of their record, audited as one. */
    @Transactional
    public List<WelfareEntry> welfareHistory(UUID id) {
        find(id);
        audit.record(actor(), AuditLog.Action.READ, id, "welfare history");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                        "SELECT status, reported_at, source FROM welfare_report WHERE national_id = ?1 ORDER BY reported_at DESC, id")
                .setParameter(1, id).getResultList();
        return rows.stream().map(r -> new WelfareEntry(WelfareStatus.valueOf((String) r[0]),
                instant(r[1]),
                (String) r[2])).toList();
    }

    /**
     * An officer corrects a person's record. Refused with 409 if it changed since they read it.
     * The audit says which fields changed, not their values: the record holds those.
     */
    @Transactional
    public NationalView update(UUID id, NationalUpdate update) {
        National national = find(id);
        // The same rules as at registration, so a correction cannot store what a registration could not.
        List<Problem.FieldError> errors = new ArrayList<>(RULES.checkMember(new Registration.Person(update.givenNames(),
                update.familyName(), update.dateOfBirth(), update.nationality(), update.preferredLanguage(), null,
                update.vulnerabilities(), update.vulnerabilityNotes()), LocalDate.now(Clock.systemUTC())));
        var location = update.location();
        errors.addAll(RULES.checkLocation(location, "location."));
        EvacuationStatus evacuation = update.evacuationStatus();
        if (evacuation != null && evacuation != national.evacuationStatus && !OFFICER_EVACUATION.contains(evacuation)) {
            errors.add(new Problem.FieldError("evacuationStatus", "/evacuationStatus",
                    "can be set to NOT_REQUESTED, REQUESTED or DECLINED; the rest follows the manifests"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (national.version != update.version()) {
            throw new OptimisticLockException("stale version " + update.version());
        }
        List<String> changed = new ArrayList<>();
        national.givenNames = set(changed, "givenNames", national.givenNames, update.givenNames().strip());
        national.familyName = set(changed, "familyName", national.familyName, update.familyName().strip());
        national.dateOfBirth = set(changed, "dateOfBirth", national.dateOfBirth, update.dateOfBirth());
        national.nationality = set(changed, "nationality", national.nationality, update.nationality());
        national.preferredLanguage = set(changed, "preferredLanguage", national.preferredLanguage,
                Languages.normalise(update.preferredLanguage()).orElse(update.preferredLanguage()));
        if (!Objects.equals(national.locationCountry, location.country())
                || !Objects.equals(national.locationRegion, location.region())
                || !Objects.equals(national.locationCity, location.city())
                || !Objects.equals(national.latitude, location.latitude())
                || !Objects.equals(national.longitude, location.longitude())) {
            changed.add("location");
            national.locationCountry = location.country();
            national.locationRegion = location.region();
            national.locationCity = location.city();
            national.latitude = location.latitude();
            national.longitude = location.longitude();
            national.locationReportedAt = Instant.now();
        }
        List<String> vulnerabilities = update.vulnerabilities().stream().map(Enum::name).distinct().toList();
        if (!vulnerabilities.equals(national.vulnerabilities)) {
            national.vulnerabilities = new ArrayList<>(vulnerabilities);
            changed.add("vulnerabilities");
        }
        national.vulnerabilityNotes = set(changed, "vulnerabilityNotes", national.vulnerabilityNotes,
                update.vulnerabilityNotes());
        if (evacuation != null) {
            national.evacuationStatus = set(changed, "evacuationStatus", national.evacuationStatus, evacuation);
        }
        if (!changed.isEmpty()) {
            national.updatedAt = Instant.now();
            snapshots.publish(national);
            audit.record(actor(), AuditLog.Action.UPDATED, id, String.join(",", changed));
        }
        return NationalView.of(national);
    }

    /** A person's contact points as an officer sets them, against the version the officer read. */
    public record ContactsUpdate(@NotEmpty @Size(max = 6) List<Registration.@NotNull @Valid Contact> contacts,
                                 @NotNull Long version) {
    }

    /**
     * An officer replaces a person's contact points (a wrong number reported by phone, a new address): checked and
     * normalised as at registration (E.164 from the country the person is in), a kept number keeps its opt-out.
     * Refused with 409 if the record changed since the officer read it.
     */
    @Transactional
    public NationalView replaceContacts(UUID id, ContactsUpdate update) {
        National national = find(id);
        List<Problem.FieldError> errors = new ArrayList<>();
        List<RegistrationRules.NormalisedContact> normalised =
                RULES.contacts(update.contacts(), national.locationCountry, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (national.version != update.version()) {
            throw new OptimisticLockException("stale version " + update.version());
        }
        SelfService.replaceContactPoints(national, normalised);
        national.updatedAt = Instant.now();
        snapshots.publish(national);
        audit.record(actor(), AuditLog.Action.UPDATED, id, "contacts " + normalised.size());
        return NationalView.of(national);
    }

    private static final RegistrationRules RULES = new RegistrationRules(Subdivisions.bundled());
    private static final Set<EvacuationStatus> OFFICER_EVACUATION =
            EnumSet.of(EvacuationStatus.NOT_REQUESTED, EvacuationStatus.REQUESTED, EvacuationStatus.DECLINED);

    private static <T> T set(List<String> changed, String field, T before, T after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
        return after;
    }

    private static National find(UUID id) {
        National national = National.findById(id);
        if (national == null) {
            throw ProblemException.notFound("No national has this id.");
        }
        return national;
    }

    /** What an officer records about a person's welfare, against the version they saw. */
    public record WelfareUpdate(@NotNull WelfareStatus status,
                                @Size(max = 500) String note,
                                @NotNull Long version) {
    }

    /**
     * Sets a person's welfare, UNREACHABLE included (only staff may say that). Refused with 409
     * if the record changed since the officer read it.
     */
    @Transactional
    public NationalView updateWelfare(UUID id, WelfareUpdate update) {
        National national = find(id);
        if (national.version != update.version()) {
            throw new OptimisticLockException("stale version " + update.version());
        }
        WelfareReports.record(national, update.status(), "staff " + actor());
        national.updatedAt = Instant.now();
        snapshots.publish(national);
        audit.record(actor(), AuditLog.Action.WELFARE_REPORTED, id, update.status().name());
        return NationalView.of(national);
    }

    public String currentActor() {
        return actor();
    }

    /** Which record is the same person as the one kept, and the version of the kept one the officer saw. */
    public record Merge(@NotNull UUID duplicateId, @NotNull Long version) {
    }

    /**
     * Merges a duplicate into the record kept: its documents, welfare history and contact points
     * not already known move over, then the duplicate is erased (a tombstone tells the other
     * services). Refused with 409 if the kept record changed since the officer read it.
     */
    @Transactional
    public NationalView merge(UUID keptId, Merge merge) {
        if (keptId.equals(merge.duplicateId())) {
            throw ProblemException.invalid("duplicateId", "/duplicateId", "is the record being kept");
        }
        National kept = National.findById(keptId);
        National duplicate = National.findById(merge.duplicateId());
        if (kept == null) {
            throw ProblemException.notFound("No national has this id.");
        }
        if (duplicate == null) {
            throw ProblemException.invalid("duplicateId", "/duplicateId", "is not a national's id");
        }
        if (kept.version != merge.version()) {
            throw new OptimisticLockException("stale version " + merge.version());
        }
        // Rows move in SQL: moving entities between collections with orphan removal would delete them.
        entityManager.flush();
        entityManager.createNativeQuery("UPDATE identity_document SET national_id = ?1 WHERE national_id = ?2")
                .setParameter(1, kept.id).setParameter(2, duplicate.id).executeUpdate();
        entityManager.createNativeQuery("UPDATE contact_point d SET national_id = ?1, "
                        + "preference = d.preference + (SELECT count(*) FROM contact_point k WHERE k.national_id = ?1) "
                        + "WHERE d.national_id = ?2 AND NOT EXISTS (SELECT 1 FROM contact_point k "
                        + "WHERE k.national_id = ?1 AND k.channel = d.channel AND k.address = d.address)")
                .setParameter(1, kept.id).setParameter(2, duplicate.id).executeUpdate();
        entityManager.createNativeQuery("UPDATE welfare_report SET national_id = ?1 WHERE national_id = ?2")
                .setParameter(1, kept.id).setParameter(2, duplicate.id).executeUpdate();
        // The consulate's record of the duplicate now stands for the kept one: importing it again changes nothing.
        entityManager.createNativeQuery("UPDATE imported_record SET national_id = ?1 WHERE national_id = ?2")
                .setParameter(1, kept.id).setParameter(2, duplicate.id).executeUpdate();
        entityManager.refresh(duplicate);
        entityManager.refresh(kept);
        erasure.erase(duplicate, actor());
        kept.updatedAt = Instant.now();
        snapshots.publish(kept);
        audit.record(actor(), AuditLog.Action.MERGED, kept.id, "merged " + merge.duplicateId());
        return NationalView.of(kept);
    }

    /** Erases a person (see {@link Erasure}). */
    @Transactional
    public void erase(UUID id) {
        National national = National.findById(id);
        if (national == null) {
            throw ProblemException.notFound("No national has this id.");
        }
        erasure.erase(national, actor());
    }

    @Transactional
    public List<Count> counts() {
        List<?> rows = entityManager.createNativeQuery("SELECT location_region, welfare_status, evacuation_status, "
                + "count(*) FROM national GROUP BY 1, 2, 3 ORDER BY 1, 2, 3").getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new Count((String) r[0], (String) r[1], (String) r[2],
                ((Number) r[3]).longValue())).toList();
    }

    private String actor() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    private static LocalDate toLocalDate(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }

    private static List<String> vulnerabilities(Object value) {
        if (value instanceof String[] array) {
            return Arrays.asList(array);
        }
        if (value instanceof java.sql.Array array) {
            try {
                return Arrays.asList((String[]) array.getArray());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return List.of();
    }
}
