package org.muster.alerts.advisory;

import jakarta.persistence.Embeddable;

/** An advisory version's text in one language (BCP 47). */
@Embeddable
public class AdvisoryText {

    public String language;
    public String headline;
    public String body;
    public String instruction;

    public AdvisoryText() {
    }

    public AdvisoryText(String language, String headline, String body, String instruction) {
        this.language = language;
        this.headline = headline;
        this.body = body;
        this.instruction = instruction;
    }
}
