package org.muster.alerts;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.UUID;

/** Puts people straight into the audience projection (the Kafka path has its own test). */
public final class AudienceSeed {

    private AudienceSeed() {
    }

    /** @param contacts JSON array of contact points, as registry's snapshot carries them */
    public static UUID person(EntityManager em, String region, String language, String name, String contacts,
                              String welfare, String vulnerabilities) {
        return person(em, "AF", region, language, name, contacts, welfare, vulnerabilities);
    }

    /** @param region null for someone who gave only the country they are in */
    public static UUID person(EntityManager em, String country, String region, String language, String name,
                              String contacts, String welfare, String vulnerabilities) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        INSERT INTO audience_member (national_id, household_id, nationality, preferred_language, country, region,
                            city, vulnerabilities, welfare_status, evacuation_status, display_name, contacts, version, projected_at)
                        VALUES (?1, ?2, 'FR', ?3, ?10, ?4, NULL, string_to_array(?5, ','), ?6, 'NOT_REQUESTED', ?7,
                            CAST(?8 AS jsonb), 1, ?9)""")
                .setParameter(1, id).setParameter(2, UUID.randomUUID()).setParameter(3, language)
                .setParameter(4, region).setParameter(5, vulnerabilities).setParameter(6, welfare)
                .setParameter(7, name).setParameter(8, contacts).setParameter(9, Instant.now()).setParameter(10, country)
                .executeUpdate());
        return id;
    }

    public static String sms(String number, boolean optedOut) {
        return "{\"channel\":\"SMS\",\"address\":\"" + number + "\",\"verified\":true,\"optedOut\":" + optedOut + ",\"preference\":1}";
    }

    public static String email(String address) {
        return "{\"channel\":\"EMAIL\",\"address\":\"" + address + "\",\"verified\":true,\"optedOut\":false,\"preference\":2}";
    }

    public static String contacts(String... points) {
        return "[" + String.join(",", points) + "]";
    }
}
