package org.muster.evacuation.manifest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.muster.evacuation.audit.AuditLog;
import org.muster.platform.security.Roles;

import java.util.List;
import java.util.UUID;

/** A flight's manifest: staff read it, officers change it by hand. */
@Path("/flights/{flightId}/manifest")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ManifestResource {

    @Inject
    Manifests manifests;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.CONSULAR_VIEWER)
    public List<EntryView> list(@PathParam("flightId") UUID flightId) {
        return manifests.list(flightId);
    }

    @GET
    @Path("/audit")
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    public List<AuditLog.Entry> audit(@PathParam("flightId") UUID flightId) {
        return manifests.audit(flightId);
    }

    @GET
    @Path("/{entryId}")
    @RolesAllowed(Roles.CONSULAR_VIEWER)
    public EntryView one(@PathParam("flightId") UUID flightId, @PathParam("entryId") UUID entryId) {
        return manifests.view(flightId, entryId);
    }

    @POST
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    public Response add(@PathParam("flightId") UUID flightId, @NotNull @Valid ManifestRequests.Add request) {
        return Response.status(Response.Status.CREATED).entity(manifests.add(flightId, request, actor())).build();
    }

    @POST
    @Path("/{entryId}/move")
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    public List<EntryView> move(@PathParam("flightId") UUID flightId, @PathParam("entryId") UUID entryId,
                                @NotNull @Valid ManifestRequests.Move request) {
        return manifests.move(flightId, entryId, request, actor());
    }

    @POST
    @Path("/{entryId}/offload")
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    public EntryView offload(@PathParam("flightId") UUID flightId, @PathParam("entryId") UUID entryId,
                             @NotNull @Valid ManifestRequests.Offload request) {
        return manifests.offload(flightId, entryId, request, actor());
    }

    @PUT
    @Path("/{entryId}/document")
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    public EntryView document(@PathParam("flightId") UUID flightId, @PathParam("entryId") UUID entryId,
                              @NotNull @Valid ManifestRequests.Document request) {
        return manifests.recordDocument(flightId, entryId, request, actor());
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
