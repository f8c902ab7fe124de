package org.muster.registry.registration;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Citizens register themselves and their household: public, no account, rate-limited. */
@Path("/public/registrations")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RegistrationResource {

    @Inject
    RegistrationDesk registrations;

    @POST
    @Operation(summary = "Register yourself and the people who travel with you",
            description = "Send an Idempotency-Key header: a retried request then returns the first answer.")
    public Response register(@HeaderParam("Idempotency-Key") @Size(max = 100) String idempotencyKey,
                             @NotNull @Valid Registration registration) {
        Registered registered = registrations.register(registration, idempotencyKey, "self");
        return Response.status(Response.Status.CREATED).entity(registered).build();
    }
}
