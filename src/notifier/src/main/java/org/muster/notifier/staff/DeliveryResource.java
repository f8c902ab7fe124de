package org.muster.notifier.staff;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.muster.notifier.delivery.Delivery;
import org.muster.notifier.delivery.DeliveryHistory;
import org.muster.notifier.replies.Reply;
import org.muster.platform.problem.ProblemException;
import org.muster.platform.security.Roles;

/** Staff read deliveries (per campaign or per person, with history and provider codes) and replies. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    private static final int MAX_PAGE = 1000;

    @GET
    @Path("deliveries")
    @RolesAllowed(Roles.CONSULAR_VIEWER)
    @Transactional
    public List<DeliveryViews.DeliveryView> deliveries(@QueryParam("campaignId") String campaign,
                                                       @QueryParam("recipientId") String recipient,
                                                       @QueryParam("limit") @DefaultValue("200") int limit) {
        UUID campaignId = uuid("campaignId", campaign);
        UUID recipientId = uuid("recipientId", recipient);
        if (campaignId == null && recipientId == null) {
            throw ProblemException.invalid("campaignId", "/campaignId", "campaignId or recipientId is required");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw ProblemException.invalid("limit", "/limit", "must be between 1 and " + MAX_PAGE);
        }
        List<Delivery> found;
        if (campaignId != null && recipientId != null) {
            found = Delivery.find("campaignId = ?1 and recipientId = ?2 order by createdAt, fallbackStep",
                    campaignId, recipientId).page(0, limit).list();
        } else if (campaignId != null) {
            found = Delivery.find("campaignId = ?1 order by createdAt, id", campaignId).page(0, limit).list();
        } else {
            found = Delivery.find("recipientId = ?1 order by createdAt, id", recipientId).page(0, limit).list();
        }
        Map<UUID, List<DeliveryHistory>> history = found.isEmpty() ? Map.of()
                : DeliveryHistory.<DeliveryHistory>list("deliveryId in ?1 order by occurredAt, id",
                        found.stream().map(d -> d.id).toList()).stream()
                .collect(Collectors.groupingBy(h -> h.deliveryId));
        return found.stream().map(d -> DeliveryViews.DeliveryView.of(d, history.getOrDefault(d.id, List.of())))
                .toList();
    }

    @GET
    @Path("deliveries/{id}")
    @RolesAllowed(Roles.CONSULAR_VIEWER)
    @Transactional
    public DeliveryViews.DeliveryView delivery(@PathParam("id") UUID id) {
        Delivery delivery = Delivery.findById(id);
        if (delivery == null) {
            throw ProblemException.notFound("no delivery " + id);
        }
        return DeliveryViews.DeliveryView.of(delivery, DeliveryHistory.list("deliveryId = ?1 order by occurredAt, id", id));
    }

    @GET
    @Path("replies")
    @RolesAllowed(Roles.CONSULAR_VIEWER)
    @Transactional
    public List<DeliveryViews.ReplyView> replies(@QueryParam("campaignId") String campaign,
                                                 @QueryParam("recipientId") String recipient,
                                                 @QueryParam("limit") @DefaultValue("200") int limit) {
        UUID campaignId = uuid("campaignId", campaign);
        UUID recipientId = uuid("recipientId", recipient);
        if (limit < 1 || limit > MAX_PAGE) {
            throw ProblemException.invalid("limit", "/limit", "must be between 1 and " + MAX_PAGE);
        }
        List<Reply> found;
        if (campaignId != null) {
            found = Reply.find("campaignId = ?1 order by receivedAt desc", campaignId).page(0, limit).list();
        } else if (recipientId != null) {
            found = Reply.find("recipientId = ?1 order by receivedAt desc", recipientId).page(0, limit).list();
        } else {
            // Without a filter: the latest, including texts from numbers no delivery went to.
            found = Reply.find("order by receivedAt desc").page(0, limit).list();
        }
        return found.stream().map(DeliveryViews.ReplyView::of).toList();
    }

    private static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "/" + field, "must be a UUID");
        }
    }
}
