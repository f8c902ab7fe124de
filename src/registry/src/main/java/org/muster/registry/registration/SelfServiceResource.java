package org.muster.registry.registration;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.muster.contracts.common.WelfareStatus;
import org.muster.platform.problem.Problem;
import org.muster.platform.problem.ProblemException;

import java.util.List;
import java.util.UUID;

/**
 * What a registered citizen can do with the self-service token they received: read their
 * household's record, move, change how to reach them, add or remove household members, say they
 * are safe or need help, ask to be evacuated, withdraw.
 */
@Path("/public/self")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SelfServiceResource {

    /** The token travels in its own header, never in a URL that proxies log. */
    public static final String TOKEN_HEADER = "X-Self-Service-Token";

    public record WelfareReport(@NotNull WelfareStatus status) {
    }

    @Inject
    RegistrationService registrations;

    @Inject
    SelfService self;

    @GET
    public SelfService.OwnRecord read(@HeaderParam(TOKEN_HEADER) String token) {
        return self.read(holder(token));
    }

    @PUT
    @Path("/location")
    public SelfService.OwnRecord move(@HeaderParam(TOKEN_HEADER) String token,
                                      @NotNull @Valid Registration.Location location) {
        return self.move(holder(token), location);
    }

    @POST
    @Path("/welfare")
    public SelfService.OwnRecord reportWelfare(@HeaderParam(TOKEN_HEADER) String token,
                                               @NotNull @Valid WelfareReport report) {
        return self.reportWelfare(holder(token), report.status());
    }

    public record Contacts(@NotEmpty @Size(max = 6) List<Registration.@NotNull @Valid Contact> contacts) {
    }

    @PUT
    @Path("/contacts")
    public SelfService.OwnRecord replaceContacts(@HeaderParam(TOKEN_HEADER) String token, @NotNull @Valid Contacts contacts) {
        return self.replaceContacts(holder(token), contacts.contacts());
    }

    @POST
    @Path("/household")
    public Response addMember(@HeaderParam(TOKEN_HEADER) String token, @NotNull @Valid Registration.Person person) {
        return Response.status(Response.Status.CREATED).entity(self.addMember(holder(token), person)).build();
    }

    @DELETE
    @Path("/household/{id}")
    @Consumes(MediaType.WILDCARD)
    public SelfService.OwnRecord removeMember(@HeaderParam(TOKEN_HEADER) String token, @PathParam("id") UUID member) {
        return self.removeMember(holder(token), member);
    }

    // No body: a bare POST from a phone's browser or curl must not be refused for its content type.
    @POST
    @Path("/evacuation-request")
    @Consumes(MediaType.WILDCARD)
    public SelfService.OwnRecord requestEvacuation(@HeaderParam(TOKEN_HEADER) String token) {
        return self.requestEvacuation(holder(token));
    }

    /** Withdraws the registration: the household's personal data is erased. */
    @POST
    @Path("/withdrawal")
    @Consumes(MediaType.WILDCARD)
    public Response withdraw(@HeaderParam(TOKEN_HEADER) String token) {
        self.withdraw(holder(token));
        return Response.noContent().build();
    }

    private UUID holder(String token) {
        return registrations.tokens().verify(token).orElseThrow(() -> new ProblemException(Problem.of(
                "self-service-token", "Link not valid", 401,
                "This self-service link is not valid or has expired. Register again or call the consular hotline.")));
    }
}
