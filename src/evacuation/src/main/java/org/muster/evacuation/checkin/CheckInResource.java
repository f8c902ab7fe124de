package org.muster.evacuation.checkin;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.muster.evacuation.manifest.EntryView;
import org.muster.platform.security.Roles;

import java.util.UUID;

/** The control point: check-in and boarding, by officers. */
@Path("/flights/{flightId}")
@Produces(MediaType.APPLICATION_JSON)
public class CheckInResource {

    /** The scanned machine readable zone: 2 lines of 44 (passport) or 3 of 30 (ID card). */
    public record MrzScan(@NotBlank @Size(max = 200) String mrz) {
    }

    @Inject
    CheckIn checkIn;

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("/check-in")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    @Operation(summary = "Check a passenger in by the MRZ of their passport or ID card")
    public CheckIn.Result byMrz(@PathParam("flightId") UUID flightId, @NotNull @Valid MrzScan scan) {
        return checkIn.byMrz(flightId, scan.mrz(), actor());
    }

    @POST
    @Path("/check-in/{entryId}")
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    @Operation(summary = "Check a passenger in by manifest entry id (no document scanned)")
    public CheckIn.Result byEntry(@PathParam("flightId") UUID flightId, @PathParam("entryId") UUID entryId) {
        return checkIn.byEntry(flightId, entryId, actor());
    }

    @POST
    @Path("/boarding")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    @Operation(summary = "A checked-in passenger boards, found by the MRZ of their passport or ID card",
            description = "Read and matched as at check-in. 409 not-checked-in, 409 passenger-on-another-flight, "
                    + "404 passenger-unknown, 400 naming mrz for a wrong check digit.")
    public CheckIn.Result boardByMrz(@PathParam("flightId") UUID flightId, @NotNull @Valid MrzScan scan) {
        return checkIn.boardByMrz(flightId, scan.mrz(), actor());
    }

    @POST
    @Path("/boarding/{entryId}")
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    @Operation(summary = "A checked-in passenger boards, by manifest entry id")
    public EntryView board(@PathParam("flightId") UUID flightId, @PathParam("entryId") UUID entryId) {
        return checkIn.board(flightId, entryId, actor());
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
