package io.srecopilot.incidents.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.srecopilot.incidents.Incident;
import io.srecopilot.incidents.IncidentView;
import io.srecopilot.incidents.notification.NotificationChannel;
import io.srecopilot.incidents.notification.NotificationRouter;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.catalog.PolicyDecided;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * A policy's {@code notify}: one delivery to the project's channel it names (by id or name), sent
 * by the deliverer like any other, with the decision's reason. Emits the channel's name, or null
 * when the project has no such enabled channel.
 */
@ApplicationScoped
class PolicyNotifier {

    private final EventCodec codec;

    PolicyNotifier(EventCodec codec) {
        this.codec = codec;
    }

    Uni<String> notify(EventEnvelope event, Incident incident, PolicyDecided decision) {
        return channel(incident, decision.channel()).chain(channel -> {
            if (channel == null) {
                return Uni.createFrom().nullItem();
            }
            ObjectNode payload = (ObjectNode) codec.toData(decision);
            payload.set("incident", codec.toData(IncidentView.of(incident, List.of())));
            payload.put("eventType", event.type()).put("occurredAt", event.occurredAt().toString());
            return NotificationRouter.delivery(channel, event.id(), event.type(), incident.id, payload).persist()
                    .replaceWith(channel.name);
        });
    }

    private static Uni<NotificationChannel> channel(Incident incident, String idOrName) {
        UUID id = asId(idOrName);
        return id != null
                ? NotificationChannel.<NotificationChannel>find("id = ?1 and tenantId = ?2 and projectId = ?3 and enabled = true",
                        id, incident.tenantId, incident.projectId).firstResult()
                : NotificationChannel.<NotificationChannel>find(
                        "name = ?1 and tenantId = ?2 and projectId = ?3 and enabled = true", idOrName, incident.tenantId,
                        incident.projectId).firstResult();
    }

    private static UUID asId(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
