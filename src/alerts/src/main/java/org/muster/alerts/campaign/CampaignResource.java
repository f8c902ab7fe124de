package org.muster.alerts.campaign;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.muster.platform.security.Roles;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/campaigns")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {

    @Inject
    Campaigns campaigns;

    @Inject
    CampaignProgress progress;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    public Response create(@NotNull @Valid CampaignRequest request) {
        Campaign c = campaigns.create(request, officer());
        return Response.created(URI.create("/campaigns/" + c.id)).entity(c).build();
    }

    @GET
    @RolesAllowed(Roles.CONSULAR_VIEWER)
    public List<Campaign> list() {
        return Campaign.list("order by createdAt desc");
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.CONSULAR_VIEWER)
    public Campaign get(@PathParam("id") UUID id) {
        return campaigns.get(id);
    }

    @GET
    @Path("/{id}/preview")
    @RolesAllowed(Roles.CONSULAR_VIEWER)
    public Preview preview(@PathParam("id") UUID id) {
        return campaigns.preview(id);
    }

    @GET
    @Path("/{id}/progress")
    @RolesAllowed(Roles.CONSULAR_VIEWER)
    public Progress progress(@PathParam("id") UUID id) {
        return progress.of(id);
    }

    /** 200 RUNNING when launched, 202 AWAITING_APPROVAL when a second officer must approve. */
    @POST
    @Path("/{id}/launch")
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    public Response launch(@PathParam("id") UUID id) {
        Campaign c = campaigns.launch(id, officer());
        return Response.status(c.state == Campaign.State.AWAITING_APPROVAL ? 202 : 200).entity(c).build();
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    public Campaign approve(@PathParam("id") UUID id) {
        return campaigns.approve(id, officer());
    }

    @POST
    @Path("/{id}/pause")
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    public Campaign pause(@PathParam("id") UUID id) {
        return campaigns.pause(id, officer());
    }

    @POST
    @Path("/{id}/resume")
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    public Campaign resume(@PathParam("id") UUID id) {
        return campaigns.resume(id, officer());
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    public Campaign cancel(@PathParam("id") UUID id) {
        return campaigns.cancel(id, officer());
    }

    private String officer() {
        return identity.getPrincipal().getName();
    }
}
