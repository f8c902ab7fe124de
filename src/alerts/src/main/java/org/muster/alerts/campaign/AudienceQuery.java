package org.muster.alerts.campaign;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.List;
import java.util.stream.Collectors;

/** The SQL that selects a campaign's audience from the projection (table audience_member). */
final class AudienceQuery {

    private AudienceQuery() {
    }

    /** The condition on audience_member {@code m}; parameters ?1 to ?6 (see {@link #bind}). */
    static String where(AudienceFilter f) {
        String match = "(?1 = '' OR m.region = ANY(string_to_array(?1, ',')))"
                + " AND (?2 = '' OR m.welfare_status = ANY(string_to_array(?2, ',')))"
                + " AND (?3 = '' OR m.evacuation_status = ANY(string_to_array(?3, ',')))"
                + " AND (?4 = '' OR m.vulnerabilities && string_to_array(?4, ','))"
                // A language and its regional forms (fa finds fa-AF), in any case; only when asked for, so that
                // the usual launch without it costs nothing per person.
                + (f.languages().isEmpty() ? " AND ?5 = ''"
                : " AND (?5 = '' OR lower(m.preferred_language) = ANY(string_to_array(?5, ','))"
                + " OR split_part(lower(m.preferred_language), '-', 1) = ANY(string_to_array(?5, ',')))")
                + " AND (?6 = '' OR m.country = ANY(string_to_array(?6, ',')))";
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
                .setParameter(5, join(languages(f.languages())))
                .setParameter(6, join(f.countries()));
    }

    /**
     * The tags a language filter matches, lower-cased: each as given, and Dari under both its tags (prs and fa-AF);
     * Persian (fa) takes in Dari readers too, as the templates do ({@code Languages#bestMatch}).
     */
    static List<String> languages(List<String> asked) {
        java.util.Set<String> tags = new java.util.LinkedHashSet<>();
        for (String tag : asked) {
            String t = tag.strip().toLowerCase(java.util.Locale.ROOT);
            tags.add(t);
            if (t.equals("prs") || t.equals("fa-af")) {
                tags.add("prs");
                tags.add("fa-af");
            } else if (t.equals("fa")) {
                tags.add("prs");
            }
        }
        return List.copyOf(tags);
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
