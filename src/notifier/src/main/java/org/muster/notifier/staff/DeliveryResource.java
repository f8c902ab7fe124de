package org.muster.notifier.staff;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.muster.contracts.common.DeliveryStatus;
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

    /**
     * A campaign's or a person's deliveries, oldest first, each with its history; {@code status} keeps one status
     * (the FAILED ones of a large campaign, say), {@code after} (a delivery's id, the last of the page before)
     * pages through them.
     */
    @GET
    @Path("deliveries")
    @RolesAllowed(Roles.CONSULAR_VIEWER)
    @Transactional
    public List<DeliveryViews.DeliveryView> deliveries(@QueryParam("campaignId") String campaign,
                                                       @QueryParam("recipientId") String recipient,
                                                       @QueryParam("status") String status,
                                                       @QueryParam("after") String after,
                                                       @QueryParam("limit") String limit) {
        UUID campaignId = uuid("campaignId", campaign);
        UUID recipientId = uuid("recipientId", recipient);
        if (campaignId == null && recipientId == null) {
            throw ProblemException.invalid("campaignId", "/campaignId", "campaignId or recipientId is required");
        }
        int pageSize = limit("limit", limit);
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (campaignId != null) {
            conditions.add("campaignId = :campaign");
            parameters.put("campaign", campaignId);
        }
        if (recipientId != null) {
            conditions.add("recipientId = :recipient");
            parameters.put("recipient", recipientId);
        }
        if (status != null && !status.isBlank()) {
            conditions.add("status = :status");
            parameters.put("status", status(status));
        }
        UUID afterId = uuid("after", after);
        if (afterId != null) {
            Delivery last = Delivery.findById(afterId);
            if (last == null) {
                throw ProblemException.invalid("after", "/after", "no delivery " + afterId);
            }
            conditions.add("(createdAt > :afterTime or createdAt = :afterTime and id > :afterId)");
            parameters.put("afterTime", last.createdAt);
            parameters.put("afterId", afterId);
        }
        List<Delivery> found = Delivery.<Delivery>find(String.join(" and ", conditions) + " order by createdAt, id",
                parameters).page(0, pageSize).list();
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
                                                 @QueryParam("limit") String limitText) {
        UUID campaignId = uuid("campaignId", campaign);
        UUID recipientId = uuid("recipientId", recipient);
        int limit = limit("limit", limitText);
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

    /** A page size: 200 when not given; a 400 naming the field, not JAX-RS's 404, when it is not a number in range. */
    private static int limit(String field, String value) {
        if (value == null || value.isBlank()) {
            return 200;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_PAGE) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid(field, "/" + field, "must be a number between 1 and " + MAX_PAGE);
    }

    private static DeliveryStatus status(String value) {
        try {
            return DeliveryStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "/status", "must be one of " + Arrays.toString(DeliveryStatus.values()));
        }
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
