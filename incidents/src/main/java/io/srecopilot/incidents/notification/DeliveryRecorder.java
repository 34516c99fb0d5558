package io.srecopilot.incidents.notification;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.srecopilot.incidents.Incident;
import io.srecopilot.incidents.TimelineEntry;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.ResourceRef;
import io.srecopilot.platform.events.catalog.EventTypes;
import io.srecopilot.platform.outbox.Outbox;
import io.srecopilot.platform.rest.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes down how an attempt went, in one transaction: the delivery's new status (or its next
 * attempt, backing off exponentially), and for final outcomes the incident's timeline entry and
 * {@code notification.sent|failed}.
 */
@ApplicationScoped
public class DeliveryRecorder {

    static final Actor NOTIFICATIONS = Actor.system("notifications");
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final NotificationsConfig config;
    private final Outbox outbox;
    private final EventCodec codec;
    private final MeterRegistry registry;

    public DeliveryRecorder(NotificationsConfig config, Outbox outbox, EventCodec codec, MeterRegistry registry) {
        this.config = config;
        this.outbox = outbox;
        this.codec = codec;
        this.registry = registry;
    }

    /** Must run in a transaction. A delivery whose channel was deleted meanwhile is gone: nothing to record. */
    public Uni<Void> record(UUID deliveryId, NotificationChannel channel, DeliveryOutcome outcome) {
        return NotificationDelivery.<NotificationDelivery>findById(deliveryId).chain(delivery -> {
            if (delivery == null) {
                return Uni.createFrom().voidItem();
            }
            Instant now = Timestamps.now();
            delivery.leaseUntil = null;
            delivery.responseStatus = outcome.status();
            delivery.lastError = outcome.error();
            if (outcome.delivered()) {
                delivery.status = NotificationDelivery.DELIVERED;
                delivery.deliveredAt = now;
                return finish(delivery, channel, EventTypes.NOTIFICATION_SENT, "Notified " + channel.name + " (" + channel.type.value()
                        + ")");
            }
            if (outcome.retryable() && delivery.attempts < config.maxAttempts()) {
                delivery.status = NotificationDelivery.PENDING;
                delivery.nextAttemptAt = now.plus(backoff(delivery.attempts));
                registry.counter("sre.notifications.retries", "type", channel.type.value()).increment();
                return Uni.createFrom().voidItem();
            }
            delivery.status = NotificationDelivery.FAILED;
            return finish(delivery, channel, EventTypes.NOTIFICATION_FAILED, "Notifying " + channel.name + " ("
                    + channel.type.value() + ") failed after " + delivery.attempts + " attempt"
                    + (delivery.attempts == 1 ? "" : "s") + ": " + outcome.error());
        });
    }

    /** The wait after {@code attempts} failed attempts: base, 2×base, 4×base…, at most an hour. */
    Duration backoff(int attempts) {
        Duration wait = config.backoffBase().multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    private Uni<Void> finish(NotificationDelivery delivery, NotificationChannel channel, String eventType, String message) {
        registry.counter("sre.notifications." + (delivery.deliveredAt != null ? "sent" : "failed"),
                "type", channel.type.value()).increment();
        ObjectNode data = JsonNodeFactory.instance.objectNode()
                .put("deliveryId", delivery.id.toString())
                .put("channelId", channel.id.toString())
                .put("channelName", channel.name)
                .put("channelType", channel.type.value())
                .put("incidentId", delivery.incidentId == null ? null : delivery.incidentId.toString())
                .put("eventType", delivery.eventType)
                .put("status", delivery.status)
                .put("attempts", delivery.attempts)
                .put("responseStatus", delivery.responseStatus)
                .put("error", delivery.lastError);
        Uni<Void> timeline = delivery.incidentId == null ? Uni.createFrom().voidItem()
                : Incident.<Incident>findById(delivery.incidentId).chain(incident -> incident == null
                        ? Uni.createFrom().voidItem()
                        : TimelineEntry.of(incident, TimelineEntry.NOTIFICATION, NOTIFICATIONS, message, data.deepCopy())
                                .persist().replaceWithVoid());
        return timeline.chain(() -> outbox.append(EventEnvelope.create(eventType, delivery.tenantId, delivery.projectId,
                NOTIFICATIONS, new ResourceRef("notification-delivery", delivery.id.toString()), codec.toData(data))));
    }
}
