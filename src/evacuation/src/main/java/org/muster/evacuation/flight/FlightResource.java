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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.muster.evacuation.manifest.FlightOperations;
import org.muster.platform.security.Roles;

import java.util.List;
import java.util.UUID;

/** Flights: officers plan and run them, staff read them. */
@Path("/flights")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FlightResource {

    /** The status a flight should move to. */
    public record StatusRequest(@NotNull FlightState status) {
    }

    @Inject
    Flights flights;

    @Inject
    FlightOperations operations;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.CONSULAR_VIEWER)
    public List<FlightView> list() {
        return flights.list();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.CONSULAR_VIEWER)
    public FlightView one(@PathParam("id") UUID id) {
        return flights.view(id);
    }

    @POST
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    @Operation(summary = "Plan a flight (status PLANNED)")
    public Response schedule(@NotNull @Valid FlightRequest request) {
        return Response.status(Response.Status.CREATED).entity(flights.schedule(request, actor())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    @Operation(summary = "Change a flight's schedule or capacity, before boarding")
    public FlightView change(@PathParam("id") UUID id, @NotNull @Valid FlightRequest request) {
        return flights.change(id, request, actor());
    }

    @PUT
    @Path("/{id}/assembly")
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    @Operation(summary = "Where and when the flight's passengers report")
    public FlightView assembly(@PathParam("id") UUID id, @NotNull @Valid AssemblyRequest request) {
        return flights.assemble(id, request, actor());
    }

    @POST
    @Path("/{id}/status")
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    @Operation(summary = "Move the flight along its lifecycle",
            description = "PLANNED -> CONFIRMED -> CHECK_IN_OPEN -> BOARDING -> CLOSED (unboarded become no-shows) "
                    + "-> DEPARTED (boarded are evacuated); CANCELLED before boarding gives every seat back.")
    public FlightView status(@PathParam("id") UUID id, @NotNull @Valid StatusRequest request) {
        return operations.transition(id, request.status(), actor());
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
