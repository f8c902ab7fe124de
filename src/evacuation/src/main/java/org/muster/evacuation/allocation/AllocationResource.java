package org.muster.evacuation.allocation;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.muster.platform.security.Roles;

import java.util.List;

/** Automatic allocation of everyone waiting to the open flights: preview, then commit. */
@Path("/allocations")
@Produces(MediaType.APPLICATION_JSON)
public class AllocationResource {

    /** The plan with its totals. */
    public record PlanView(int householdsPlaced, int peoplePlaced, int seatsUsed, int householdsNotPlaced,
                           List<Allocation.Placement> placements) {
        static PlanView of(Allocation.Plan plan) {
            List<Allocation.Placement> placed = plan.placed();
            return new PlanView(placed.size(), placed.stream().mapToInt(p -> p.members().size()).sum(),
                    placed.stream().mapToInt(Allocation.Placement::seatsNeeded).sum(),
                    plan.placements().size() - placed.size(), plan.placements());
        }
    }

    @Inject
    Allocations allocations;

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("/preview")
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    @Operation(summary = "What an allocation would do now, with the reason for each household; writes nothing")
    public PlanView preview() {
        return PlanView.of(allocations.preview());
    }

    @POST
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    @Operation(summary = "Allocate everyone waiting to the open flights and write the manifest entries")
    public PlanView commit() {
        return PlanView.of(allocations.commit(identity.getPrincipal().getName()));
    }
}
