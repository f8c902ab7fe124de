package org.muster.notifier.webhooks;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.muster.notifier.delivery.ProviderCallback;
import org.muster.notifier.replies.Replies;
import org.muster.platform.problem.Problem;
import org.muster.platform.problem.ProblemException;
import org.muster.platform.security.TwilioWebhooks;

/**
 * What Twilio calls: status callbacks of messages and calls, inbound messages, and the digit pressed during an
 * alert call. No token: Twilio proves itself with {@code X-Twilio-Signature}, checked before anything is read.
 */
@Path("/twilio")
@PermitAll
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class TwilioWebhookResource {

    private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    @Inject
    WebhookSignatures signatures;

    @Inject
    StatusCallbacks callbacks;

    @Inject
    Replies replies;

    @Inject
    DatabaseWaits databaseWaits;

    @Context
    UriInfo uri;

    @POST
    @Path("/messages/{deliveryId}/status")
    @Operation(summary = "Twilio message status callback")
    public CompletionStage<Response> messageStatus(@PathParam("deliveryId") UUID deliveryId,
                                                   @HeaderParam(TwilioWebhooks.SIGNATURE_HEADER) String signature,
                                                   MultivaluedMap<String, String> form) {
        signatures.require(uri, form, signature);
        return record(TwilioStatuses.ofMessage(form.getFirst("MessageStatus")).map(next -> new ProviderCallback(
                deliveryId, form.getFirst("MessageSid"), next, form.getFirst("ErrorCode"), Instant.now())));
    }

    @POST
    @Path("/calls/{deliveryId}/status")
    @Operation(summary = "Twilio call status callback")
    public CompletionStage<Response> callStatus(@PathParam("deliveryId") UUID deliveryId,
                                                @HeaderParam(TwilioWebhooks.SIGNATURE_HEADER) String signature,
                                                MultivaluedMap<String, String> form) {
        signatures.require(uri, form, signature);
        String status = form.getFirst("CallStatus");
        return record(TwilioStatuses.ofCall(status).map(next -> new ProviderCallback(deliveryId,
                form.getFirst("CallSid"), next, TwilioStatuses.errorCode(form.getFirst("ErrorCode"), status),
                Instant.now())));
    }

    /**
     * Answers once the callback is committed with others of the moment (no worker thread waits meanwhile: these
     * methods run on the event loop), which waits out a short database outage ({@link StatusCallbacks}); 503 if
     * it still could not be. Twilio does not send a status callback again, so a 503 tells its logs (and a proxy
     * with retries) that the status was lost, not that it can be resent for sure.
     */
    private CompletionStage<Response> record(Optional<ProviderCallback> callback) {
        if (callback.isEmpty()) {
            return CompletableFuture.completedFuture(Response.noContent().build());
        }
        CompletableFuture<Response> answer = new CompletableFuture<>();
        callbacks.record(callback.get()).whenComplete((written, failure) -> {
            if (failure == null) {
                answer.complete(Response.noContent().build());
            } else {
                answer.completeExceptionally(new ProblemException(Problem.of("callback-not-recorded",
                        "Callback not recorded", 503, "the status could not be stored; send it again")));
            }
        });
        return answer;
    }

    @POST
    @Path("/calls/{deliveryId}/gather")
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "Digit pressed during an alert call (1 safe, 2 need help)")
    public String gather(@PathParam("deliveryId") UUID deliveryId,
                         @HeaderParam(TwilioWebhooks.SIGNATURE_HEADER) String signature,
                         MultivaluedMap<String, String> form) {
        signatures.require(uri, form, signature);
        Instant at = Instant.now();
        return databaseWaits.write(() -> replies.fromKeypad(deliveryId, form.getFirst("CallSid"), form.getFirst("Digits"), at));
    }

    @POST
    @Path("/inbound")
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "Inbound SMS or WhatsApp message")
    public String inbound(@HeaderParam(TwilioWebhooks.SIGNATURE_HEADER) String signature,
                          MultivaluedMap<String, String> form) {
        signatures.require(uri, form, signature);
        Instant at = Instant.now();
        databaseWaits.write(() -> replies.fromMessage(form.getFirst("MessageSid"), form.getFirst("From"),
                form.getFirst("Body"), at));
        // Twilio answers STOP / START itself; anything else gets no automatic answer.
        return EMPTY_TWIML;
    }
}
