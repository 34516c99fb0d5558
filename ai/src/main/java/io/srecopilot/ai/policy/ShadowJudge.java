package io.srecopilot.ai.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.events.ActorType;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.stream.PerResourceEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Judges shadowed decisions by the first thing people (not policies or the system) did on the
 * incident that bears on them:
 * <ul>
 * <li>{@code auto_acknowledge} agreed when people acknowledged it or started investigating from
 * DETECTED, disagreed when they resolved it straight from DETECTED (it needed no one);</li>
 * <li>{@code mark_inconclusive} agreed when people marked it INCONCLUSIVE, disagreed when they
 * resolved it without;</li>
 * <li>{@code set_severity} agreed when people set that severity, disagreed when they set another.</li>
 * </ul>
 * {@code notify} and {@code request_human_review} leave no trace to compare with and stay unjudged.
 */
@ApplicationScoped
public class ShadowJudge implements PerResourceEventHandler {

    private static final Set<String> ACKNOWLEDGING = Set.of("ACKNOWLEDGED", "INVESTIGATING");

    @Override
    public boolean accepts(String eventType) {
        return "incident.transitioned".equals(eventType) || "incident.updated".equals(eventType);
    }

    @Override
    public Uni<Void> handle(EventEnvelope event) {
        if (event.actor() == null || event.actor().type() != ActorType.USER) {
            return Uni.createFrom().voidItem();
        }
        JsonNode incident = event.data().path("incident");
        UUID incidentId = UUID.fromString(incident.path("id").asText(event.resource().id()));
        return PolicyDecision.<PolicyDecision>list("tenantId = ?1 and projectId = ?2 and incidentId = ?3 and mode = ?4"
                + " and judgedAt is null", event.tenantId(), event.projectId(), incidentId, Policy.SHADOW)
                .invoke(decisions -> judge(event, decisions))
                .replaceWithVoid();
    }

    private static void judge(EventEnvelope event, List<PolicyDecision> decisions) {
        JsonNode data = event.data();
        for (PolicyDecision decision : decisions) {
            Boolean agreed = null;
            String did = null;
            if ("incident.transitioned".equals(event.type())) {
                String from = data.path("from").asText();
                String to = data.path("to").asText();
                did = "moved it from " + from + " to " + to;
                agreed = switch (decision.action) {
                    case "auto_acknowledge" -> "DETECTED".equals(from)
                            ? ACKNOWLEDGING.contains(to) ? Boolean.TRUE : "RESOLVED".equals(to) ? Boolean.FALSE : null
                            : null;
                    case "mark_inconclusive" -> "INCONCLUSIVE".equals(to) ? Boolean.TRUE
                            : "RESOLVED".equals(to) ? Boolean.FALSE : null;
                    default -> null;
                };
            } else if ("set_severity".equals(decision.action) && data.path("changes").has("severity")) {
                String set = data.path("changes").path("severity").path("to").asText();
                did = "set severity " + set;
                agreed = set.equalsIgnoreCase(decision.severity);
            }
            if (agreed != null) {
                decision.peopleDid = did + " (" + event.actor().id() + ")";
                decision.agreed = agreed;
                decision.judgedAt = Timestamps.now();
            }
        }
    }
}
