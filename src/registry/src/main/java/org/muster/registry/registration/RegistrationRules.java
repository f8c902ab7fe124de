package org.muster.registry.registration;

import org.muster.contracts.common.Channel;
import org.muster.platform.contact.EmailAddressResult;
import org.muster.platform.contact.EmailAddresses;
import org.muster.platform.contact.PhoneNumberResult;
import org.muster.platform.contact.PhoneNumbers;
import org.muster.platform.geo.Countries;
import org.muster.platform.geo.Languages;
import org.muster.platform.geo.Subdivisions;
import org.muster.platform.problem.Problem.FieldError;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules a registration must meet beyond its shape: real countries, regions and languages,
 * reachable contact points, one document per person. Plain code, so a unit test reaches it.
 */
public final class RegistrationRules {

    /** A contact point as it will be stored: normalised address, in the order given. */
    public record NormalisedContact(Channel channel, String address, int preference) {
    }

    /** The outcome: the field errors, or none and the normalised contacts. */
    public record Checked(List<FieldError> errors, List<NormalisedContact> contacts) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private final Subdivisions subdivisions;

    public RegistrationRules(Subdivisions subdivisions) {
        this.subdivisions = subdivisions;
    }

    public Checked check(Registration registration, LocalDate today) {
        List<FieldError> errors = new ArrayList<>(checkLocation(registration.location(), "location."));
        Registration.Location location = registration.location();
        checkPerson(registration.registrant(), "registrant", "/registrant", today, errors);
        List<Registration.Person> household = registration.household();
        for (int i = 0; i < household.size(); i++) {
            checkPerson(household.get(i), "household[" + i + "]", "/household/" + i, today, errors);
        }
        checkDocumentsDiffer(registration, errors);
        List<NormalisedContact> contacts = normaliseContacts(registration.contacts(), location.country(), errors);
        return new Checked(List.copyOf(errors), contacts);
    }

    /**
     * Where people are: a known country and one of its ISO 3166-2 regions. {@code prefix} names
     * the location in the request ({@code "location."}, or {@code ""} when it is the whole body).
     */
    public List<FieldError> checkLocation(Registration.Location location, String prefix) {
        String pointer = "/" + prefix.replace('.', '/');
        if (!Countries.isValid(location.country())) {
            return List.of(error(prefix + "country", pointer + "country", "is not an ISO 3166-1 country"));
        }
        if (!subdivisions.exists(location.region())) {
            return List.of(error(prefix + "region", pointer + "region", "is not a known ISO 3166-2 region"));
        }
        if (!subdivisions.belongsTo(location.region(), location.country())) {
            return List.of(error(prefix + "region", pointer + "region", "is not a region of " + location.country()));
        }
        return List.of();
    }

    /** A person joining a registered household (self-service): the same checks as at registration. */
    public List<FieldError> checkMember(Registration.Person person, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        checkPerson(person, "", "", today, errors);
        return errors.stream().map(e -> error(e.field().substring(1), e.pointer(), e.message())).toList();
    }

    /** New contact points of a household in {@code country}, normalised; bad ones are added to {@code errors}. */
    public List<NormalisedContact> contacts(List<Registration.Contact> contacts, String country, List<FieldError> errors) {
        return normaliseContacts(contacts, country, errors);
    }

    private static void checkPerson(Registration.Person person, String field, String pointer, LocalDate today,
                                    List<FieldError> errors) {
        if (!Countries.isValid(person.nationality())) {
            errors.add(error(field + ".nationality", pointer + "/nationality", "is not an ISO 3166-1 country"));
        }
        if (person.preferredLanguage() != null && !Languages.isWellFormed(person.preferredLanguage())) {
            errors.add(error(field + ".preferredLanguage", pointer + "/preferredLanguage", "is not a BCP 47 language tag"));
        }
        if (person.dateOfBirth() != null && person.dateOfBirth().isBefore(today.minusYears(130))) {
            errors.add(error(field + ".dateOfBirth", pointer + "/dateOfBirth", "is more than 130 years ago"));
        }
        Registration.Document document = person.document();
        if (document != null && !Countries.isValid(document.issuingCountry())) {
            errors.add(error(field + ".document.issuingCountry", pointer + "/document/issuingCountry",
                    "is not an ISO 3166-1 country"));
        }
        if (document != null && document.expiresOn() != null && document.expiresOn().isBefore(today.minusYears(20))) {
            errors.add(error(field + ".document.expiresOn", pointer + "/document/expiresOn",
                    "expired more than 20 years ago"));
        }
    }

    /** Two people of one household cannot carry the same document. */
    private static void checkDocumentsDiffer(Registration registration, List<FieldError> errors) {
        Set<String> seen = new HashSet<>();
        List<Registration.Person> people = new ArrayList<>();
        people.add(registration.registrant());
        people.addAll(registration.household());
        for (int i = 0; i < people.size(); i++) {
            Registration.Document d = people.get(i).document();
            if (d == null || d.number() == null) {
                continue;
            }
            if (!seen.add(d.issuingCountry() + "/" + d.type() + "/" + DocumentNumbers.normalise(d.number()))) {
                String field = i == 0 ? "registrant" : "household[" + (i - 1) + "]";
                String pointer = i == 0 ? "/registrant" : "/household/" + (i - 1);
                errors.add(error(field + ".document.number", pointer + "/document/number",
                        "is the same document as another person's in this registration"));
            }
        }
    }

    private static List<NormalisedContact> normaliseContacts(List<Registration.Contact> contacts, String country,
                                                             List<FieldError> errors) {
        List<NormalisedContact> normalised = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < contacts.size(); i++) {
            Registration.Contact contact = contacts.get(i);
            String field = "contacts[" + i + "].address";
            String pointer = "/contacts/" + i + "/address";
            String address = null;
            if (contact.channel() == Channel.EMAIL) {
                EmailAddressResult result = EmailAddresses.normalise(contact.address());
                if (result instanceof EmailAddressResult.Accepted accepted) {
                    address = accepted.address();
                } else if (result instanceof EmailAddressResult.Rejected rejected) {
                    errors.add(error(field, pointer, rejected.reason()));
                }
            } else {
                PhoneNumberResult result = PhoneNumbers.normalise(contact.address(), country);
                if (result instanceof PhoneNumberResult.Accepted accepted) {
                    boolean textable = contact.channel() == Channel.SMS || contact.channel() == Channel.WHATSAPP;
                    if (textable && !accepted.isLikelyMobile()) {
                        errors.add(error(field, pointer, "is not a mobile number: " + contact.channel()
                                + " needs one (use VOICE for a landline)"));
                    } else {
                        address = accepted.e164();
                    }
                } else if (result instanceof PhoneNumberResult.Rejected rejected) {
                    errors.add(error(field, pointer, rejected.reason()));
                }
            }
            if (address != null && !seen.add(contact.channel() + " " + address)) {
                errors.add(error(field, pointer, "is given twice for " + contact.channel()));
            } else if (address != null) {
                normalised.add(new NormalisedContact(contact.channel(), address, normalised.size() + 1));
            }
        }
        return normalised;
    }

    private static FieldError error(String field, String pointer, String message) {
        return new FieldError(field, pointer, message);
    }
}
