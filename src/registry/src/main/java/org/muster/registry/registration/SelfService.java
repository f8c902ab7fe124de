package org.muster.registry.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.muster.contracts.common.Channel;
import org.muster.contracts.common.EvacuationStatus;
import org.muster.contracts.common.WelfareStatus;
import org.muster.platform.problem.Problem.FieldError;
import org.muster.platform.problem.ProblemException;
import org.muster.registry.audit.AuditLog;
import org.muster.registry.national.ContactPoint;
import org.muster.registry.national.Erasure;
import org.muster.registry.national.National;
import org.muster.registry.national.NationalSnapshots;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A citizen's own household record, changed through their self-service token. */
@ApplicationScoped
public class SelfService {

    /** What a citizen sees of their household: never another household's data. */
    public record OwnRecord(String reference, UUID householdId, List<Person> people, Location location,
                            List<Contact> contacts) {
    }

    public record Person(UUID id, String givenNames, String familyName, LocalDate dateOfBirth, String nationality,
                         WelfareStatus welfareStatus, EvacuationStatus evacuationStatus) {
    }

    public record Location(String country, String region, String city, Instant reportedAt) {
    }

    public record Contact(Channel channel, String address, boolean optedOut) {
    }

    @Inject
    NationalSnapshots snapshots;

    @Inject
    AuditLog audit;

    @Inject
    Erasure erasure;

    @Inject
    RegistrationService registrations;

    @Transactional
    public OwnRecord read(UUID holderId) {
        return recordOf(holder(holderId));
    }

    /** The whole household moves together. */
    @Transactional
    public OwnRecord move(UUID holderId, Registration.Location location) {
        List<FieldError> errors = registrations.rules.checkLocation(location, "");
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        National holder = holder(holderId);
        Instant now = Instant.now();
        for (National person : household(holder)) {
            person.locationCountry = location.country();
            person.locationRegion = location.region();
            person.locationCity = location.city();
            person.latitude = location.latitude();
            person.longitude = location.longitude();
            person.locationReportedAt = now;
            changed(person, AuditLog.Action.UPDATED, "location " + location.region());
        }
        return recordOf(holder);
    }

    /** SAFE or NEEDS_HELP for the household; only staff mark people unreachable. */
    @Transactional
    public OwnRecord reportWelfare(UUID holderId, WelfareStatus status) {
        if (status != WelfareStatus.SAFE && status != WelfareStatus.NEEDS_HELP) {
            throw ProblemException.invalid("status", "/status", "must be SAFE or NEEDS_HELP");
        }
        National holder = holder(holderId);
        for (National person : household(holder)) {
            WelfareReports.record(person, status, "self-service");
            changed(person, AuditLog.Action.WELFARE_REPORTED, status.name());
        }
        return recordOf(holder);
    }

    /** Asks for seats for the household; those already manifested or further keep their status. */
    @Transactional
    public OwnRecord requestEvacuation(UUID holderId) {
        National holder = holder(holderId);
        for (National person : household(holder)) {
            if (person.evacuationStatus == EvacuationStatus.NOT_REQUESTED
                    || person.evacuationStatus == EvacuationStatus.DECLINED) {
                person.evacuationStatus = EvacuationStatus.REQUESTED;
                changed(person, AuditLog.Action.EVACUATION_REQUESTED, null);
            }
        }
        return recordOf(holder);
    }

    /**
     * Replaces the household's contact points with these, in this order of preference. A number
     * or address kept keeps its verified and opted-out state: STOP sent earlier still holds.
     */
    @Transactional
    public OwnRecord replaceContacts(UUID holderId, List<Registration.Contact> contacts) {
        National holder = holder(holderId);
        List<FieldError> errors = new ArrayList<>();
        List<RegistrationRules.NormalisedContact> normalised =
                registrations.rules.contacts(contacts, holder.locationCountry, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        replaceContactPoints(holder, normalised);
        changed(holder, AuditLog.Action.UPDATED, "contacts " + normalised.size());
        return recordOf(holder);
    }

    /** Someone joins the household: a newborn, a relative who arrived, a spouse of another nationality. */
    @Transactional
    public OwnRecord addMember(UUID holderId, Registration.Person person) {
        National holder = holder(holderId);
        List<FieldError> errors = registrations.rules.checkMember(person, LocalDate.now(Clock.systemUTC()));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        registrations.refuseKnownDocuments(person);
        National member = registrations.newNational(person, new Registration.Location(holder.locationCountry,
                        holder.locationRegion, holder.locationCity, holder.latitude, holder.longitude),
                holder.preferredLanguage, holder.consentVersion, holder.householdId, Instant.now(),
                "self:" + holder.householdId);
        member.welfareStatus = holder.welfareStatus;
        member.evacuationStatus = holder.evacuationStatus == EvacuationStatus.REQUESTED
                ? EvacuationStatus.REQUESTED : EvacuationStatus.NOT_REQUESTED;
        member.persist();
        changed(member, AuditLog.Action.REGISTERED, "joined household " + holder.householdId);
        return recordOf(holder);
    }

    /**
     * Someone leaves the household (travels separately, or was registered by mistake): their
     * record is erased, as a withdrawal of that one person. The holder cannot leave this way:
     * they withdraw the whole registration instead.
     */
    @Transactional
    public OwnRecord removeMember(UUID holderId, UUID memberId) {
        National holder = holder(holderId);
        National member = National.findById(memberId);
        if (member == null || !member.householdId.equals(holder.householdId)) {
            throw ProblemException.notFound("No one with this id is in your household.");
        }
        if (member.id.equals(holder.id)) {
            throw ProblemException.conflict("holder-cannot-leave", "The holder cannot leave",
                    "You hold this registration's link: withdraw the registration instead.");
        }
        erasure.erase(member, "self:" + holder.householdId);
        return recordOf(holder);
    }

    /**
     * The citizen withdraws: the whole household's registration is erased at once, as they asked.
     * Their self-service token then leads nowhere.
     */
    @Transactional
    public void withdraw(UUID holderId) {
        National holder = holder(holderId);
        for (National person : household(holder)) {
            erasure.erase(person, "self:" + holder.householdId);
        }
    }

    /**
     * Gives {@code person} these contact points, in this order of preference. A number or address kept keeps its
     * verified and opted-out state: a STOP sent earlier still holds, whoever edits the list.
     */
    public static void replaceContactPoints(National person, List<RegistrationRules.NormalisedContact> normalised) {
        Map<String, ContactPoint> known = new HashMap<>();
        person.contactPoints.forEach(c -> known.put(c.channel + " " + c.address, c));
        person.contactPoints.clear();
        for (RegistrationRules.NormalisedContact c : normalised) {
            ContactPoint before = known.get(c.channel() + " " + c.address());
            ContactPoint contact = new ContactPoint();
            contact.id = UUID.randomUUID();
            contact.channel = c.channel();
            contact.address = c.address();
            contact.preference = c.preference();
            if (before != null) {
                contact.verified = before.verified;
                contact.optedOut = before.optedOut;
                contact.optedOutAt = before.optedOutAt;
            }
            person.addContactPoint(contact);
        }
    }

    private void changed(National person, AuditLog.Action action, String detail) {
        person.updatedAt = Instant.now();
        snapshots.publish(person);
        audit.record("self:" + person.householdId, action, person.id, detail);
    }

    private static National holder(UUID id) {
        National holder = National.findById(id);
        if (holder == null) {
            // The token was genuine but its holder has since been erased.
            throw ProblemException.notFound("This registration no longer exists.");
        }
        return holder;
    }

    private static List<National> household(National holder) {
        return National.list("householdId = ?1 order by createdAt, id", holder.householdId);
    }

    private static OwnRecord recordOf(National holder) {
        List<Person> people = household(holder).stream().map(p -> new Person(p.id, p.givenNames, p.familyName,
                p.dateOfBirth, p.nationality, p.welfareStatus, p.evacuationStatus)).toList();
        return new OwnRecord(holder.reference, holder.householdId, people,
                new Location(holder.locationCountry, holder.locationRegion, holder.locationCity,
                        holder.locationReportedAt),
                holder.contactPoints.stream().map(c -> new Contact(c.channel, c.address, c.optedOut)).toList());
    }
}
