package org.muster.registry.staff;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.muster.platform.security.Roles;
import org.muster.registry.registration.Registration;
import org.muster.registry.registration.RegistrationDesk;

import java.util.List;
import java.util.UUID;

/** The staff registry: find the right people fast, and leave a trace of every look. */
@Path("/nationals")
@Produces(MediaType.APPLICATION_JSON)
public class NationalResource {

    @Inject
    StaffRegistry registry;

    @Inject
    RegistrationDesk registrations;

    @GET
    @RolesAllowed(Roles.CONSULAR_VIEWER)
    public StaffRegistry.Page search(
            @QueryParam("region") List<@Pattern(regexp = "[A-Z]{2}-[A-Z0-9]{1,3}", message = "must be ISO 3166-2") String> regions,
            @QueryParam("welfare") List<@Pattern(regexp = "UNKNOWN|SAFE|NEEDS_HELP|UNREACHABLE",
                    message = "must be UNKNOWN, SAFE, NEEDS_HELP or UNREACHABLE") String> welfare,
            @QueryParam("evacuation") List<@Pattern(regexp = "NOT_REQUESTED|REQUESTED|MANIFESTED|CHECKED_IN|EVACUATED|DECLINED",
                    message = "must be an evacuation status") String> evacuation,
            @QueryParam("vulnerability") @Pattern(regexp = "[A-Z_]{3,30}", message = "must be a vulnerability") String vulnerability,
            @QueryParam("nationality") @Pattern(regexp = "[A-Z]{2}", message = "must be ISO 3166-1 alpha-2") String nationality,
            @QueryParam("language") @Size(max = 35) String language,
            @QueryParam("reachable") Boolean reachable,
            @QueryParam("q") @Size(max = 100) String text,
            @QueryParam("after") @Size(max = 300) String after,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return registry.search(new NationalSearch.Criteria(regions, welfare, evacuation, vulnerability, nationality,
                language, reachable, text, after, limit));
    }

    @GET
    @Path("/counts")
    @RolesAllowed(Roles.CONSULAR_VIEWER)
    public List<StaffRegistry.Count> counts() {
        return registry.counts();
    }

    @POST
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response registerOnBehalf(@HeaderParam("Idempotency-Key") @Size(max = 100) String idempotencyKey,
                                     @NotNull @Valid
                                     Registration registration) {
        var registered = registrations.register(registration, idempotencyKey, registry.currentActor());
        return Response.status(Response.Status.CREATED).entity(registered).build();
    }

    @PUT
    @Path("/{id}/welfare")
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    @Consumes(MediaType.APPLICATION_JSON)
    public NationalView updateWelfare(@PathParam("id") UUID id,
                                  @NotNull @Valid
                                  StaffRegistry.WelfareUpdate update) {
        return registry.updateWelfare(id, update);
    }

    @PUT
    @Path("/{id}/contacts")
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    public NationalView replaceContacts(@PathParam("id") UUID id, @NotNull @Valid StaffRegistry.ContactsUpdate update) {
        return registry.replaceContacts(id, update);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    @Consumes(MediaType.APPLICATION_JSON)
    public NationalView update(@PathParam("id") UUID id, @NotNull @Valid NationalUpdate update) {
        return registry.update(id, update);
    }

    @POST
    @Path("/{id}/merge")
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    @Consumes(MediaType.APPLICATION_JSON)
    public NationalView merge(@PathParam("id") UUID id, @NotNull @Valid StaffRegistry.Merge merge) {
        return registry.merge(id, merge);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.CONSULAR_ADMIN)
    public Response erase(@PathParam("id") UUID id) {
        registry.erase(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.CONSULAR_VIEWER)
    public NationalView read(@PathParam("id") UUID id) {
        return registry.read(id);
    }

    /** The person's welfare reports, newest first: safe, needs help, unreachable, from whom and when. */
    @GET
    @Path("/{id}/welfare")
    @RolesAllowed(Roles.CONSULAR_VIEWER)
    public List<StaffRegistry.WelfareEntry> welfareHistory(@PathParam("id") UUID id) {
        return registry.welfareHistory(id);
    }
}
