package org.muster.registry.staff;

import org.muster.platform.geo.Languages;
import org.muster.platform.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Turns the staff's search filters into SQL with parameters, ordered by family name and id,
 * continuing after a cursor (keyset pagination: page 50 costs what page 1 costs, and nobody is
 * skipped or shown twice when people register meanwhile).
 */
public final class NationalSearch {

    /** The filters; empty lists and nulls filter nothing. */
    public record Criteria(List<String> regions, List<String> welfare, List<String> evacuation, String vulnerability,
                           String nationality, String language, Boolean reachable, String text, String after,
                           int limit) {
    }

    /** SQL and its positional parameters (1-based, in order). */
    public record Query(String sql, List<Object> parameters) {
    }

    /** A cursor: where the last page ended. */
    record Cursor(String familyName, UUID id) {
        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((familyName + "\u0000" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                        .split("\u0000", -1);
                return new Cursor(parts[0], UUID.fromString(parts[1]));
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw ProblemException.invalid("after", null, "is not a cursor this search gave out");
            }
        }
    }

    private static final String REACHABLE = "EXISTS (SELECT 1 FROM contact_point c WHERE c.national_id = n.id "
            + "AND NOT c.opted_out)";

    private NationalSearch() {
    }

    public static Query query(Criteria criteria) {
        StringBuilder sql = new StringBuilder("SELECT n.id, n.reference, n.given_names, n.family_name, n.date_of_birth, "
                + "n.nationality, n.preferred_language, n.location_region, n.welfare_status, n.evacuation_status, "
                + "n.vulnerabilities, " + REACHABLE + " AS reachable, lower(n.family_name) AS sort_name "
                + "FROM national n WHERE true");
        List<Object> parameters = new ArrayList<>();
        anyOf(sql, parameters, "n.location_region", criteria.regions());
        anyOf(sql, parameters, "n.welfare_status", criteria.welfare());
        anyOf(sql, parameters, "n.evacuation_status", criteria.evacuation());
        if (criteria.vulnerability() != null) {
            parameters.add(criteria.vulnerability());
            sql.append(" AND ?").append(parameters.size()).append(" = ANY(n.vulnerabilities)");
        }
        if (criteria.nationality() != null) {
            parameters.add(criteria.nationality());
            sql.append(" AND n.nationality = ?").append(parameters.size());
        }
        if (criteria.language() != null) {
            parameters.add(Languages.normalise(criteria.language()).orElse(criteria.language()));
            sql.append(" AND n.preferred_language = ?").append(parameters.size());
        }
        if (criteria.reachable() != null) {
            sql.append(criteria.reachable() ? " AND " : " AND NOT ").append(REACHABLE);
        }
        if (criteria.text() != null && !criteria.text().isBlank()) {
            parameters.add("%" + escapeLike(criteria.text().strip().toLowerCase(java.util.Locale.ROOT)) + "%");
            int p = parameters.size();
            sql.append(" AND (lower(n.family_name) LIKE ?").append(p).append(" OR lower(n.given_names) LIKE ?")
                    .append(p).append(")");
        }
        if (criteria.after() != null) {
            Cursor cursor = Cursor.decode(criteria.after());
            parameters.add(cursor.familyName());
            int name = parameters.size();
            parameters.add(cursor.id());
            int id = parameters.size();
            sql.append(" AND (lower(n.family_name), n.id) > (?").append(name).append(", ?").append(id).append(")");
        }
        parameters.add(criteria.limit() + 1);
        sql.append(" ORDER BY lower(n.family_name), n.id LIMIT ?").append(parameters.size());
        return new Query(sql.toString(), parameters);
    }

    private static void anyOf(StringBuilder sql, List<Object> parameters, String column, List<String> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        sql.append(" AND ").append(column).append(" IN (");
        for (int i = 0; i < values.size(); i++) {
            parameters.add(values.get(i));
            sql.append(i == 0 ? "?" : ", ?").append(parameters.size());
        }
        sql.append(')');
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
