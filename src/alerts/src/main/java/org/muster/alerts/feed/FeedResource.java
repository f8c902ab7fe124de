package org.muster.alerts.feed;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.muster.alerts.advisory.Advisories;
import org.muster.alerts.advisory.AdvisoryView;

import java.time.Instant;
import java.util.UUID;

/** The public, read-only feeds: anyone (a partner, a news agency, an aggregator) may read them. */
@Path("/public/advisories")
@PermitAll
public class FeedResource {

    @Inject
    Advisories advisories;

    @ConfigProperty(name = "muster.alerts.sender")
    String sender;

    @ConfigProperty(name = "muster.alerts.sender-name", defaultValue = "Consular crisis centre")
    String senderName;

    @ConfigProperty(name = "muster.alerts.public-base-url")
    String baseUrl;

    @GET
    @Path("/feed.atom")
    @Produces(AtomFeed.MEDIA_TYPE)
    public String feed() {
        Instant now = Instant.now();
        return AtomFeed.toXml(advisories.current(now), baseUrl, senderName, now);
    }

    /** The advisory's current version as CAP 1.2. */
    @GET
    @Path("/{id}/cap")
    @Produces(CapMessages.MEDIA_TYPE)
    public String cap(@PathParam("id") UUID id) {
        return cap(advisories.get(id));
    }

    @GET
    @Path("/{id}/versions/{version}/cap")
    @Produces(CapMessages.MEDIA_TYPE)
    public String cap(@PathParam("id") UUID id, @PathParam("version") int version) {
        return cap(advisories.get(id, version));
    }

    private String cap(AdvisoryView v) {
        return CapMessages.toXml(v, sender, senderName, references(v),
                baseUrl + "/public/advisories/" + v.id() + "/versions/" + v.version() + "/cap");
    }

    /** An update or cancellation refers to the version before it; a superseding advisory to the one it replaces. */
    private String references(AdvisoryView v) {
        if (v.version() > 1) {
            return CapMessages.reference(sender, advisories.get(v.id(), v.version() - 1));
        }
        if (v.supersedes() != null) {
            AdvisoryView replaced = advisories.get(v.supersedes());
            return CapMessages.reference(sender, advisories.get(replaced.id(), replaced.currentVersion()));
        }
        return null;
    }
}
