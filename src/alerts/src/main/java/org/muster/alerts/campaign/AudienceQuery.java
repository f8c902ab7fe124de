package org.muster.alerts.campaign;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.List;
import java.util.stream.Collectors;

/** The SQL that selects a campaign's audience from the projection (table audience_member). */
final class AudienceQuery {

    private AudienceQuery() {
    }

    /** The condition on audience_member {@code m}; parameters ?1 to ?5 (see {@link #bind}). */
    static String where(AudienceFilter f) {
        String match = "(?1 = '' OR m.region = ANY(string_to_array(?1, ',')))"
                + " AND (?2 = '' OR m.welfare_status = ANY(string_to_array(?2, ',')))"
                + " AND (?3 = '' OR m.evacuation_status = ANY(string_to_array(?3, ',')))"
                + " AND (?4 = '' OR m.vulnerabilities && string_to_array(?4, ','))"
                + " AND (?5 = '' OR m.preferred_language = ANY(string_to_array(?5, ',')))";
        if (!f.wholeHouseholds()) {
            return match;
        }
        return "m.household_id IN (SELECT m.household_id FROM audience_member m WHERE " + match + ")";
    }

    static Query bind(Query query, AudienceFilter f) {
        return query.setParameter(1, join(f.regions()))
                .setParameter(2, join(f.welfare()))
                .setParameter(3, join(f.evacuation()))
                .setParameter(4, join(f.vulnerabilities()))
                .setParameter(5, join(f.languages()));
    }

    /** id, region, language, contacts (JSON text) of every person the filter selects. */
    @SuppressWarnings("unchecked")
    static List<Object[]> members(EntityManager em, AudienceFilter f) {
        return bind(em.createNativeQuery("SELECT m.national_id, m.region, m.preferred_language, CAST(m.contacts AS text), "
                + "m.display_name FROM audience_member m WHERE " + where(f)), f).getResultList();
    }

    private static String join(List<?> values) {
        return values.stream().map(Object::toString).collect(Collectors.joining(","));
    }
}
