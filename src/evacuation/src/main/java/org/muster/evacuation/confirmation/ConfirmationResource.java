package org.muster.evacuation.confirmation;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.muster.platform.security.Roles;

import java.util.List;
import java.util.UUID;

/** Confirming passengers, which sends each their seat, assembly point and reporting time. */
@Path("/flights/{flightId}/confirmations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConfirmationResource {

    /** The entries to confirm; none listed confirms every ASSIGNED entry of the flight. */
    public record ConfirmRequest(@Size(max = 1000) List<UUID> entryIds) {
    }

    @Inject
    Confirmations confirmations;

    @Inject
    SecurityIdentity identity;

    @POST
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    @Operation(summary = "Confirm passengers and send each their confirmation")
    public Confirmations.Result confirm(@PathParam("flightId") UUID flightId, ConfirmRequest request) {
        return confirmations.confirm(flightId, request == null ? null : request.entryIds(),
                identity.getPrincipal().getName());
    }
}
