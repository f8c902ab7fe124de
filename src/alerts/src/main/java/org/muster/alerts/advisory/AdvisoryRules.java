package org.muster.alerts.advisory;

import org.muster.platform.geo.Countries;
import org.muster.platform.geo.Languages;
import org.muster.platform.geo.Subdivisions;
import org.muster.platform.problem.Problem;
import org.muster.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules an advisory must follow beyond the shape of the request: real ISO 3166-2 regions of
 * its country, BCP 47 languages, a sensible validity, well-formed areas. Plain and stateless.
 */
public final class AdvisoryRules {

    /** What the event schema accepts as a language key (language, optional script, optional region). */
    private static final Pattern EVENT_LANGUAGE = Pattern.compile("^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$");

    private AdvisoryRules() {
    }

    /** The request with codes normalised (upper-case regions, canonical language tags), or 400 naming every field at fault. */
    public static AdvisoryRequest checked(AdvisoryRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String country = Countries.normalise(request.country()).orElse(null);
        if (country == null) {
            errors.add(new Problem.FieldError("country", "/country", "'" + request.country() + "' is not an ISO 3166-1 alpha-2 country code"));
        }
        List<String> regions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> given = request.regions() == null ? List.of() : request.regions();
        for (int i = 0; i < given.size(); i++) {
            String code = given.get(i).strip().toUpperCase(java.util.Locale.ROOT);
            if (!Subdivisions.bundled().exists(code)) {
                errors.add(new Problem.FieldError("regions[" + i + "]", "/regions/" + i, "'" + given.get(i) + "' is not an ISO 3166-2 subdivision code"));
            } else if (country != null && !Subdivisions.bundled().belongsTo(code, country)) {
                errors.add(new Problem.FieldError("regions[" + i + "]", "/regions/" + i, code + " is not a region of " + country));
            } else if (!seen.add(code)) {
                errors.add(new Problem.FieldError("regions[" + i + "]", "/regions/" + i, code + " is listed twice"));
            } else {
                regions.add(code);
            }
        }
        Map<String, AdvisoryRequest.Text> texts = new LinkedHashMap<>();
        request.texts().forEach((tag, text) -> {
            String language = Languages.normalise(tag).filter(t -> EVENT_LANGUAGE.matcher(t).matches()).orElse(null);
            if (language == null) {
                errors.add(new Problem.FieldError("texts[" + tag + "]", "/texts/" + tag, "'" + tag + "' is not a BCP 47 language tag such as en, fr, prs or fa-AF"));
            } else if (texts.putIfAbsent(language, text) != null) {
                errors.add(new Problem.FieldError("texts[" + tag + "]", "/texts/" + tag, "language " + language + " is given twice"));
            }
        });
        if (request.expiresAt() != null && !request.expiresAt().isAfter(request.effectiveAt())) {
            errors.add(new Problem.FieldError("expiresAt", "/expiresAt", "must be after effectiveAt"));
        }
        List<Area> areas = request.areas() == null ? List.of() : request.areas();
        for (int i = 0; i < areas.size(); i++) {
            String problem = areaProblem(areas.get(i));
            if (problem != null) {
                errors.add(new Problem.FieldError("areas[" + i + "]", "/areas/" + i, problem));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new AdvisoryRequest(country, request.level(), request.action(), request.status(), regions, areas, texts,
                request.effectiveAt(), request.expiresAt());
    }

    static String areaProblem(Area area) {
        if ((area.circle() == null) == (area.polygon() == null)) {
            return "give either a circle or a polygon";
        }
        if (area.circle() != null) {
            if (area.circle().centre() == null || !valid(area.circle().centre())) {
                return "the circle needs a centre with latitude in [-90, 90] and longitude in [-180, 180]";
            }
            if (!(area.circle().radiusKm() > 0) || area.circle().radiusKm() > 5000) {
                return "the circle's radiusKm must be above 0 and at most 5000";
            }
            return null;
        }
        List<Area.Point> points = area.polygon();
        if (points.stream().anyMatch(p -> p == null || !valid(p))) {
            return "every polygon point needs latitude in [-90, 90] and longitude in [-180, 180]";
        }
        if (!points.get(0).equals(points.get(points.size() - 1))) {
            return "the polygon must be closed: its last point the same as its first";
        }
        return null;
    }

    private static boolean valid(Area.Point p) {
        return p.latitude() >= -90 && p.latitude() <= 90 && p.longitude() >= -180 && p.longitude() <= 180;
    }
}
