package io.srecopilot.incidents.notification;

import java.time.Instant;
import java.util.UUID;

/** One entry of a channel's delivery log. */
public record DeliveryView(UUID id, String eventType, UUID incidentId, String status, int attempts,
        Integer responseStatus, String lastError, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt) {

    static DeliveryView of(NotificationDelivery delivery) {
        return new DeliveryView(delivery.id, delivery.eventType, delivery.incidentId, delivery.status, delivery.attempts,
                delivery.responseStatus, delivery.lastError, delivery.createdAt,
                NotificationDelivery.PENDING.equals(delivery.status) ? delivery.nextAttemptAt : null,
                delivery.deliveredAt);
    }
}
