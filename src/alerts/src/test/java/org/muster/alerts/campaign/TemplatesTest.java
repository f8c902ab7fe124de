package org.muster.alerts.campaign;

import io.quarkus.qute.Engine;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TemplatesTest {

    private final Templates templates = new Templates(Engine.builder().addDefaults().build(), campaign());

    private static Campaign campaign() {
        Campaign c = new Campaign();
        c.defaultLanguage = "en";
        c.templates.put("en", new CampaignRequest.Template("Leave", "{name}, leave now."));
        c.templates.put("fa", new CampaignRequest.Template("ترک", "{name}، فوراً ترک کنید."));
        c.templates.put("fr", new CampaignRequest.Template("Partez", "{name}, partez."));
        return c;
    }

    @Test
    void aRegionalTagReadsTheTemplateOfItsLanguage() {
        assertEquals("fa", templates.languageFor("fa-AF"));
        assertEquals("fr", templates.languageFor("fr-CA"));
    }

    @Test
    void dariWrittenAsPrsReadsThePersianTemplate() {
        assertEquals("fa", templates.languageFor("prs"));
    }

    @Test
    void aLanguageTheCampaignLacksReadsTheDefault() {
        assertEquals("en", templates.languageFor("de"));
        assertEquals("en", templates.languageFor(null));
    }
}
