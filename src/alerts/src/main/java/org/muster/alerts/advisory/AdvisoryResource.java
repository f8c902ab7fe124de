package org.muster.alerts.advisory;

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
import org.muster.platform.security.Roles;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/advisories")
@Produces(MediaType.APPLICATION_JSON)
public class AdvisoryResource {

    @Inject
    Advisories advisories;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.CONSULAR_VIEWER)
    public List<AdvisoryView> current() {
        return advisories.current(Instant.now());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    public Response issue(@NotNull @Valid AdvisoryRequest request) {
        AdvisoryView view = advisories.issue(request, officer());
        return Response.created(URI.create("/advisories/" + view.id())).entity(view).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.CONSULAR_VIEWER)
    public AdvisoryView get(@PathParam("id") UUID id) {
        return advisories.get(id);
    }

    @GET
    @Path("/{id}/versions")
    @RolesAllowed(Roles.CONSULAR_VIEWER)
    public List<AdvisoryView> versions(@PathParam("id") UUID id) {
        return advisories.versions(id);
    }

    @GET
    @Path("/{id}/versions/{version}")
    @RolesAllowed(Roles.CONSULAR_VIEWER)
    public AdvisoryView version(@PathParam("id") UUID id, @PathParam("version") int version) {
        return advisories.get(id, version);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}")
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    public AdvisoryView update(@PathParam("id") UUID id, @NotNull @Valid AdvisoryRequest request) {
        return advisories.update(id, request, officer());
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    public AdvisoryView cancel(@PathParam("id") UUID id) {
        return advisories.cancel(id, officer());
    }

    @POST
    @Path("/{id}/supersede")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    public Response supersede(@PathParam("id") UUID id, @NotNull @Valid AdvisoryRequest request) {
        AdvisoryView view = advisories.supersede(id, request, officer());
        return Response.created(URI.create("/advisories/" + view.id())).entity(view).build();
    }

    private String officer() {
        return identity.getPrincipal().getName();
    }
}
