package org.muster.registry.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.muster.contracts.common.EvacuationStatus;
import org.muster.contracts.common.Vulnerability;
import org.muster.contracts.common.WelfareStatus;
import org.muster.platform.geo.Subdivisions;
import org.muster.platform.problem.ProblemException;
import org.muster.registry.audit.AuditLog;
import org.muster.registry.national.ContactPoint;
import org.muster.registry.national.IdentityDocument;
import org.muster.registry.national.National;
import org.muster.registry.national.NationalSnapshots;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Registers a citizen and their household, once. */
@ApplicationScoped
public class RegistrationService {

    /** The same answer for every duplicate, so that it reveals nothing about the existing record. */
    static final String DUPLICATE_DETAIL = "A document in this registration is already registered. If it is yours, "
            + "use the self-service link you received when you registered, or call the consular hotline with your "
            + "document number to recover access.";

    @Inject
    EntityManager entityManager;

    @Inject
    NationalSnapshots snapshots;

    @Inject
    AuditLog audit;

    @ConfigProperty(name = "muster.self-service.signing-key")
    String signingKey;

    @ConfigProperty(name = "muster.self-service.validity")
    Duration validity;

    @ConfigProperty(name = "muster.self-service.base-url")
    String selfServiceBaseUrl;

    @ConfigProperty(name = "muster.consent.current-version")
    String consentVersion;

    final RegistrationRules rules = new RegistrationRules(Subdivisions.bundled());

    /** Without a signing key no link can be given out: refuse to start rather than fail later. */
    void checkSigningKey(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent event) {
        tokens();
    }

    public SelfServiceTokens tokens() {
        return new SelfServiceTokens(signingKey, validity, Clock.systemUTC());
    }

    /**
     * Registers, or, for a retried request with the same idempotency key, answers as the first
     * time. Everything is written in one transaction: no half-registered household.
     */
    @Transactional
    public Registered register(Registration registration, String idempotencyKey) {
        return register(registration, idempotencyKey, "self");
    }

    /**
     * Registers on behalf of {@code actor}: "self" for a citizen, otherwise the officer who took
     * the registration, for example on the phone.
     */
    @Transactional
    public Registered register(Registration registration, String idempotencyKey, String actor) {
        String requestHash = hash(registration);
        if (idempotencyKey != null) {
            List<?> earlier = entityManager.createNativeQuery(
                            "SELECT household_id, request_hash FROM registration_request WHERE idempotency_key = ?1")
                    .setParameter(1, idempotencyKey).getResultList();
            if (!earlier.isEmpty()) {
                Object[] row = (Object[]) earlier.get(0);
                if (!requestHash.equals(row[1])) {
                    throw ProblemException.conflict("idempotency-key-reused", "Idempotency-Key reused",
                            "This Idempotency-Key was used for a different registration. Use a new key.");
                }
                return answerFor((UUID) row[0]);
            }
        }
        if (!consentVersion.equals(registration.consent().version())) {
            throw ProblemException.invalid("consent.version", "/consent/version",
                    "is not the current consent text (" + consentVersion + "): read and accept that one");
        }
        RegistrationRules.Checked checked = rules.check(registration, LocalDate.now(Clock.systemUTC()));
        if (!checked.valid()) {
            throw ProblemException.invalid(checked.errors());
        }
        refuseKnownDocuments(registration.registrant());
        registration.household().forEach(this::refuseKnownDocuments);

        Instant now = Instant.now();
        UUID householdId = UUID.randomUUID();
        entityManager.createNativeQuery("INSERT INTO household (id, created_at) VALUES (?1, ?2)")
                .setParameter(1, householdId).setParameter(2, now).executeUpdate();
        List<National> people = new ArrayList<>();
        National registrant = newNational(registration.registrant(), registration, householdId, now, actor);
        checked.contacts().forEach(c -> {
            ContactPoint contact = new ContactPoint();
            contact.id = UUID.randomUUID();
            contact.channel = c.channel();
            contact.address = c.address();
            contact.preference = c.preference();
            registrant.addContactPoint(contact);
        });
        people.add(registrant);
        for (Registration.Person member : registration.household()) {
            people.add(newNational(member, registration, householdId, now, actor));
        }
        for (National person : people) {
            person.persist();
        }
        if (idempotencyKey != null) {
            entityManager.createNativeQuery("INSERT INTO registration_request (idempotency_key, request_hash, "
                            + "household_id, created_at) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, idempotencyKey).setParameter(2, requestHash)
                    .setParameter(3, householdId).setParameter(4, now).executeUpdate();
        }
        for (National person : people) {
            snapshots.publish(person);
            audit.record(actor, AuditLog.Action.REGISTERED, person.id, "household " + householdId);
        }
        return answerFor(householdId);
    }

    /** One document, one person: a document already registered is refused without saying whose it is. */
    void refuseKnownDocuments(Registration.Person person) {
        Registration.Document d = person.document();
        if (d == null) {
            return;
        }
        long known = IdentityDocument.count("issuingCountry = ?1 and type = ?2 and number = ?3",
                d.issuingCountry(), d.type(), DocumentNumbers.normalise(d.number()));
        if (known > 0) {
            throw ProblemException.conflict("already-registered", "Already registered", DUPLICATE_DETAIL);
        }
    }

    private National newNational(Registration.Person person, Registration registration, UUID householdId,
                                 Instant now, String actor) {
        return newNational(person, registration.location(), registration.registrant().preferredLanguage(),
                registration.consent().version(), householdId, now, actor);
    }

    /** A person of a household, in its location, speaking its language unless they say otherwise. */
    National newNational(Registration.Person person, Registration.Location location, String householdLanguage,
                         String consentVersion, UUID householdId, Instant now, String actor) {
        National national = new National();
        national.id = UUID.randomUUID();
        national.reference = References.next();
        national.householdId = householdId;
        national.givenNames = person.givenNames().strip();
        national.familyName = person.familyName().strip();
        national.dateOfBirth = person.dateOfBirth();
        national.nationality = person.nationality();
        String language = person.preferredLanguage() != null ? person.preferredLanguage() : householdLanguage;
        national.preferredLanguage = language != null ? language : "en";
        national.locationCountry = location.country();
        national.locationRegion = location.region();
        national.locationCity = location.city();
        national.latitude = location.latitude();
        national.longitude = location.longitude();
        national.locationReportedAt = now;
        national.vulnerabilities = new ArrayList<>(person.vulnerabilities().stream().map(Vulnerability::name).toList());
        national.vulnerabilityNotes = person.vulnerabilityNotes();
        national.welfareStatus = WelfareStatus.UNKNOWN;
        national.evacuationStatus = EvacuationStatus.NOT_REQUESTED;
        national.consentAt = now;
        national.consentVersion = consentVersion;
        national.registeredBy = actor;
        national.createdAt = now;
        national.updatedAt = now;
        if (person.document() != null) {
            IdentityDocument document = new IdentityDocument();
            document.id = UUID.randomUUID();
            document.type = person.document().type();
            document.number = DocumentNumbers.normalise(person.document().number());
            document.issuingCountry = person.document().issuingCountry();
            document.expiresOn = person.document().expiresOn();
            national.addDocument(document);
        }
        return national;
    }

    /** The answer for a registered household: the registrant is the one with contact points. */
    private Registered answerFor(UUID householdId) {
        List<National> people = National.list("householdId = ?1 order by createdAt, id", householdId);
        National registrant = people.stream().filter(p -> !p.contactPoints.isEmpty()).findFirst()
                .orElse(people.get(0));
        String token = tokens().issue(registrant.id);
        List<UUID> ids = new ArrayList<>();
        ids.add(registrant.id);
        people.stream().map(p -> p.id).filter(id -> !id.equals(registrant.id)).forEach(ids::add);
        return new Registered(registrant.reference, householdId, ids, token, selfServiceBaseUrl + "#" + token);
    }

    private static String hash(Registration registration) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(registration.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
