package org.muster.evacuation.export;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.muster.platform.security.Roles;

import java.time.Instant;
import java.util.UUID;

/** A flight's manifest as CSV, as a printable PDF, and as a UN/EDIFACT PAXLST. Every export is audited. */
@Path("/flights/{flightId}/exports")
public class ExportResource {

    @Inject
    ManifestExport exports;

    @Inject
    SecurityIdentity identity;

    @ConfigProperty(name = "muster.evacuation.paxlst.sender")
    String sender;

    @ConfigProperty(name = "muster.evacuation.paxlst.sender-name")
    String senderName;

    @GET
    @Path("/manifest.csv")
    @Produces("text/csv")
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    public Response csv(@PathParam("flightId") UUID flightId) {
        ManifestExport.Snapshot s = exports.of(flightId, actor(), "CSV");
        return attachment(ManifestCsv.write(s.passengers()), s.flight().flightNumber + "-manifest.csv");
    }

    @GET
    @Path("/manifest.pdf")
    @Produces("application/pdf")
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    public Response pdf(@PathParam("flightId") UUID flightId) {
        ManifestExport.Snapshot s = exports.of(flightId, actor(), "PDF");
        return attachment(ManifestPdf.write(s.flight(), s.passengers(), Instant.now()),
                s.flight().flightNumber + "-manifest.pdf");
    }

    @GET
    @Path("/paxlst")
    @Produces("application/edifact")
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    public Response paxlst(@PathParam("flightId") UUID flightId) {
        ManifestExport.Snapshot s = exports.of(flightId, actor(), "PAXLST");
        String reference = Long.toString(Instant.now().toEpochMilli() % 100_000_000_000_000L);
        return attachment(Paxlst.write(s.flight(), s.passengers(), sender, senderName, reference, Instant.now()),
                s.flight().flightNumber + "-paxlst.edi");
    }

    private static Response attachment(Object body, String name) {
        return Response.ok(body).header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").build();
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
