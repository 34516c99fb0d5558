package io.srecopilot.incidents.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.srecopilot.incidents.IncidentView;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.stream.PerResourceEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Turns incidents' own events, as they come back from the stream, into deliveries for every
 * enabled channel whose routing accepts them. The deliveries are written in the event's
 * consumer transaction, so each event routes exactly once.
 */
@ApplicationScoped
public class NotificationRouter implements PerResourceEventHandler {

    private final EventCodec codec;

    public NotificationRouter(EventCodec codec) {
        this.codec = codec;
    }

    @Override
    public boolean accepts(String eventType) {
        return Routing.EVENT_TYPES.contains(eventType);
    }

    @Override
    public Uni<Void> handle(EventEnvelope event) {
        IncidentView incident = codec.fromData(event.data().get("incident"), IncidentView.class);
        return NotificationChannel.<NotificationChannel>list("tenantId = ?1 and projectId = ?2 and enabled = true",
                event.tenantId(), event.projectId()).chain(channels -> {
                    List<NotificationDelivery> deliveries = channels.stream()
                            .filter(channel -> channel.routing.accepts(event.type(), incident))
                            .map(channel -> delivery(channel, event.id(), event.type(), incident.id(), payload(event)))
                            .toList();
                    return deliveries.isEmpty() ? Uni.createFrom().voidItem()
                            : Panache.getSession().chain(session -> session.persistAll(deliveries.toArray()));
                });
    }

    /** What the message tells: the event's data (incident, transition, comment…) and its type and time. */
    private static ObjectNode payload(EventEnvelope event) {
        ObjectNode payload = ((ObjectNode) event.data()).deepCopy();
        payload.put("eventType", event.type()).put("occurredAt", event.occurredAt().toString());
        return payload;
    }

    public static NotificationDelivery delivery(NotificationChannel channel, UUID eventId, String eventType, UUID incidentId,
            JsonNode payload) {
        Instant now = Timestamps.now();
        NotificationDelivery delivery = new NotificationDelivery();
        delivery.id = UUID.randomUUID();
        delivery.tenantId = channel.tenantId;
        delivery.projectId = channel.projectId;
        delivery.channelId = channel.id;
        delivery.incidentId = incidentId;
        delivery.eventId = eventId;
        delivery.eventType = eventType;
        delivery.payload = payload;
        delivery.status = NotificationDelivery.PENDING;
        delivery.nextAttemptAt = now;
        delivery.createdAt = now;
        return delivery;
    }
}
