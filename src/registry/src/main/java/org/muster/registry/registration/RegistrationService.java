package org.muster.registry.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.muster.contracts.common.EvacuationStatus;
import org.muster.contracts.common.Vulnerability;
import org.muster.contracts.common.WelfareStatus;
import org.muster.platform.geo.Languages;
import org.muster.platform.geo.Subdivisions;
import org.muster.platform.problem.Problem;
import org.muster.platform.problem.ProblemException;
import org.muster.platform.tracing.TraceParents;
import org.muster.registry.national.ContactPoint;
import org.muster.registry.national.Erasure;
import org.muster.registry.national.IdentityDocument;
import org.muster.registry.national.National;


import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
    HouseholdWrites writes;

    @Inject
    DataSource dataSource;

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
    public Registered register(Registration registration, String idempotencyKey) {
        return register(registration, idempotencyKey, "self");
    }

    /**
     * Registers on behalf of {@code actor}: "self" for a citizen, otherwise the officer who took
     * the registration, for example on the phone.
     */
    public Registered register(Registration registration, String idempotencyKey, String actor) {
        Decision decision = decide(registration, idempotencyKey, actor);
        if (decision.earlierHousehold() != null) {
            return QuarkusTransaction.requiringNew().call(() -> answerFor(decision.earlierHousehold()));
        }
        NewHousehold household = decision.household();
        writes.write(household);
        return answer(household.registrant(), household.people(), household.id());
    }

    /** The household a retried request registered the first time, or the household to write. */
    record Decision(UUID earlierHousehold, NewHousehold household) {
    }

    /**
     * Checks a registration against what is registered (one query on a connection of its own, in
     * auto-commit: a transaction around one read cost the request threads about a quarter of
     * their CPU in Narayana and Hibernate, JFR) and against the rules, and builds the household. The write comes after, with other households' ({@link HouseholdWrites});
     * a key or document taken in between is refused there by the database's unique constraints.
     */
    Decision decide(Registration registration, String idempotencyKey, String actor) {
        String requestHash = hash(registration);
        List<Registration.Person> persons = new ArrayList<>();
        persons.add(registration.registrant());
        persons.addAll(registration.household());
        // One round trip answers both questions: was this key used before, and is any of these
        // documents registered already. The answers are then taken in that order, as before.
        Known known = lookUp(idempotencyKey, persons);
        if (known.earlierHousehold() != null) {
            if (Erasure.ERASED_REQUEST.equals(known.earlierRequestHash())) {
                throw new ProblemException(Problem.of("registration-withdrawn", "Registration withdrawn", 410,
                        "Someone this registration named was erased at their request, so its answer cannot be "
                                + "given again. Use the self-service link of the first answer, or register anew "
                                + "with a new Idempotency-Key."));
            }
            if (!requestHash.equals(known.earlierRequestHash())) {
                throw ProblemException.conflict("idempotency-key-reused", "Idempotency-Key reused",
                        "This Idempotency-Key was used for a different registration. Use a new key.");
            }
            return new Decision(known.earlierHousehold(), null);
        }
        if (!consentVersion.equals(registration.consent().version())) {
            throw ProblemException.invalid("consent.version", "/consent/version",
                    "is not the current consent text (" + consentVersion + "): read and accept that one");
        }
        RegistrationRules.Checked checked = rules.check(registration, LocalDate.now(Clock.systemUTC()));
        if (!checked.valid()) {
            throw ProblemException.invalid(checked.errors());
        }
        if (known.documentRegistered()) {
            throw ProblemException.conflict("already-registered", "Already registered", DUPLICATE_DETAIL);
        }

        Instant now = Instant.now();
        UUID householdId = UUID.randomUUID();
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
        return new Decision(null, new NewHousehold(householdId, idempotencyKey, requestHash, now, actor, registrant, people,
                TraceParents.current()));
    }

    /** What the database knows of a registration before it is written. */
    record Known(UUID earlierHousehold, String earlierRequestHash, boolean documentRegistered) {
    }

    /**
     * The household an idempotency key registered (if {@code idempotencyKey} is not null and was
     * used), and whether any document of {@code persons} is registered: one query. The unique
     * constraint {@code identity_document_once} still refuses a concurrent duplicate.
     */
    Known lookUp(String idempotencyKey, List<Registration.Person> persons) {
        List<Registration.Document> documents = documentsOf(persons);
        String sql = "SELECT r.household_id, r.request_hash, EXISTS (SELECT 1 FROM identity_document WHERE "
                + documentCondition(documents.size()) + ") FROM (VALUES (1)) AS one (x) "
                + "LEFT JOIN registration_request r ON r.idempotency_key = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            int p = bindDocuments(query, documents, 1);
            query.setString(p, idempotencyKey);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return new Known(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the registry could not look up the registration's key and documents", e);
        }
    }

    /**
     * No document of {@code persons} may be registered already: one query for all of them. The
     * unique constraint {@code identity_document_once} still refuses a concurrent duplicate.
     */
    void refuseKnownDocuments(List<Registration.Person> persons) {
        if (!documentsOf(persons).isEmpty() && lookUp(null, persons).documentRegistered()) {
            throw ProblemException.conflict("already-registered", "Already registered", DUPLICATE_DETAIL);
        }
    }

    private static List<Registration.Document> documentsOf(List<Registration.Person> persons) {
        return persons.stream().map(Registration.Person::document)
                .filter(d -> d != null && d.number() != null).toList();
    }

    /**
     * {@code (issuing_country, type, number)} is one of {@code count} documents, with CHAR(2) on
     * both sides, so that the unique index of {@code identity_document_once} serves it; FALSE
     * for none.
     */
    private static String documentCondition(int count) {
        if (count == 0) {
            return "FALSE";
        }
        StringBuilder condition = new StringBuilder();
        for (int i = 0; i < count; i++) {
            condition.append(i == 0 ? "" : " OR ")
                    .append("(issuing_country = CAST(? AS char(2)) AND type = ? AND number = ?)");
        }
        return condition.toString();
    }

    /** Binds the documents of {@link #documentCondition} from parameter {@code first}; returns the next one. */
    private static int bindDocuments(PreparedStatement statement, List<Registration.Document> documents, int first)
            throws SQLException {
        int p = first;
        for (Registration.Document d : documents) {
            statement.setString(p++, d.issuingCountry());
            statement.setString(p++, d.type());
            statement.setString(p++, DocumentNumbers.normalise(d.number()));
        }
        return p;
    }

    /** One document, one person: a document already registered is refused without saying whose it is. */
    void refuseKnownDocuments(Registration.Person person) {
        refuseKnownDocuments(List.of(person));
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
        // Canonical casing (fa-af → fa-AF): searches, audiences and templates compare tags as written.
        national.preferredLanguage = language != null ? Languages.normalise(language).orElse(language) : "en";
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

    /**
     * The answer for a household just registered, from memory: the same answer
     * {@link #answerFor(UUID)} reads back for a retry (registrant first, then the others in the
     * order of the database's {@code ORDER BY created_at, id}; all share created_at, and uuid
     * order is the order of their lower-case hex text).
     */
    private Registered answer(National registrant, List<National> people, UUID householdId) {
        String token = tokens().issue(registrant.id);
        List<UUID> ids = new ArrayList<>();
        ids.add(registrant.id);
        people.stream().map(p -> p.id).filter(id -> !id.equals(registrant.id))
                .sorted(java.util.Comparator.comparing(UUID::toString)).forEach(ids::add);
        return new Registered(registrant.reference, householdId, ids, token, selfServiceBaseUrl + "#" + token);
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
