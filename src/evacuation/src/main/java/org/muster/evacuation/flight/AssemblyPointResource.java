package org.muster.evacuation.flight;

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

/** Assembly points: officers keep them, staff read them. */
@Path("/assembly-points")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AssemblyPointResource {

    @Inject
    AssemblyPoints points;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.CONSULAR_VIEWER)
    public List<AssemblyPoints.View> list() {
        return points.list();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.CONSULAR_VIEWER)
    public AssemblyPoints.View one(@PathParam("id") UUID id) {
        return points.view(id);
    }

    @POST
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    public Response create(@NotNull @Valid AssemblyPointRequest request) {
        return Response.status(Response.Status.CREATED).entity(points.create(request, actor())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    public AssemblyPoints.View change(@PathParam("id") UUID id, @NotNull @Valid AssemblyPointRequest request) {
        return points.change(id, request, actor());
    }

    /** Who created and changed the point, and what they changed: officers, as for a manifest's audit. */
    @GET
    @Path("/{id}/audit")
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    public List<AuditLog.Entry> audit(@PathParam("id") UUID id) {
        return points.audit(id);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
