package org.muster.alerts.campaign;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import org.muster.platform.geo.Languages;
import org.muster.platform.geo.Subdivision;
import org.muster.platform.geo.Subdivisions;

import java.util.HashMap;
import java.util.Map;

/**
 * A campaign's templates, parsed once, rendered per recipient with Qute. The data a template
 * may use: {name}, {region} (ISO 3166-2), {regionName}, {assemblyPoint}, {replyInstructions}.
 */
final class Templates {

    private final Map<String, Template> bodies = new HashMap<>();
    /** Region → its name: a fan-out batch renders a thousand people of a few regions. */
    private final Map<String, String> regionNames = new HashMap<>();
    /** A person's preferred language → the template's language. */
    private final Map<String, String> languages = new HashMap<>();
    private final Map<String, CampaignRequest.Template> sources;
    private final String defaultLanguage;
    private final String assemblyPoint;
    private final String replyInstructions;

    Templates(Engine engine, Campaign campaign) {
        this.sources = campaign.templates;
        this.defaultLanguage = campaign.defaultLanguage;
        this.assemblyPoint = campaign.assemblyPoint;
        this.replyInstructions = campaign.replyInstructions;
        campaign.templates.forEach((language, t) -> bodies.put(language, engine.parse(t.body())));
    }

    /**
     * Parses a template and renders it once with sample data, or names the Qute error: a
     * misspelt {nme} parses, but rendering is strict and would fail for every recipient.
     */
    static String problem(Engine engine, String template) {
        try {
            engine.parse(template).render(Map.of("name", "Laila Ahmadi", "region", "AF-KAB", "regionName", "Kabul",
                    "assemblyPoint", "Gate 3", "replyInstructions", "Reply SAFE or HELP."));
            return null;
        } catch (TemplateException e) {
            return "not a valid template (it may use {name}, {region}, {regionName}, {assemblyPoint} and "
                    + "{replyInstructions}): " + e.getMessage();
        }
    }

    /** The language a person gets: theirs when the campaign has it, otherwise the campaign's default. */
    String languageFor(String preferred) {
        // fa-AF finds the fa template, Dari as prs too; anything unmatched reads the default language.
        // Looked up once per language: a batch renders a thousand people who speak a handful.
        return languages.computeIfAbsent(preferred == null ? "" : preferred,
                p -> Languages.bestMatch(p, bodies.keySet()).orElse(defaultLanguage));
    }

    String subject(String language) {
        return sources.get(language).subject();
    }

    String render(String language, String name, String region) {
        Map<String, Object> data = new HashMap<>();
        data.put("name", name);
        data.put("region", region == null ? "" : region);
        data.put("regionName", region == null ? "" : regionNames.computeIfAbsent(region,
                r -> Subdivisions.bundled().find(r).map(Subdivision::name).orElse(r)));
        data.put("assemblyPoint", assemblyPoint == null ? "" : assemblyPoint);
        data.put("replyInstructions", replyInstructions == null ? "" : replyInstructions);
        return bodies.get(language).render(data).strip();
    }
}
