package io.srecopilot.ai.policy;

import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.events.ActorType;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.catalog.EventTypes;
import io.srecopilot.platform.events.catalog.IncidentTransitioned;
import io.srecopilot.platform.events.catalog.IncidentUpdated;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.stream.PerResourceEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

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

    private final EventCodec codec;

    public ShadowJudge(EventCodec codec) {
        this.codec = codec;
    }

    @Override
    public boolean accepts(String eventType) {
        return EventTypes.INCIDENT_TRANSITIONED.equals(eventType) || EventTypes.INCIDENT_UPDATED.equals(eventType);
    }

    @Override
    public Uni<Void> handle(EventEnvelope event) {
        if (event.actor() == null || event.actor().type() != ActorType.USER) {
            return Uni.createFrom().voidItem();
        }
        Verdict verdict = EventTypes.INCIDENT_TRANSITIONED.equals(event.type())
                ? moved(codec.fromData(event.data(), IncidentTransitioned.class))
                : edited(codec.fromData(event.data(), IncidentUpdated.class));
        return PolicyDecision.<PolicyDecision>list("tenantId = ?1 and projectId = ?2 and incidentId = ?3 and mode = ?4"
                + " and judgedAt is null", event.tenantId(), event.projectId(), UUID.fromString(event.resource().id()),
                Policy.SHADOW)
                .invoke(decisions -> decisions.forEach(decision -> verdict.judge(decision, event.actor().id())))
                .replaceWithVoid();
    }

    private static Verdict moved(IncidentTransitioned moved) {
        String from = moved.from();
        String to = moved.to();
        return new Verdict("moved it from " + from + " to " + to, decision -> switch (decision.action) {
            case "auto_acknowledge" -> "DETECTED".equals(from)
                    ? ACKNOWLEDGING.contains(to) ? Boolean.TRUE : "RESOLVED".equals(to) ? Boolean.FALSE : null
                    : null;
            case "mark_inconclusive" -> "INCONCLUSIVE".equals(to) ? Boolean.TRUE
                    : "RESOLVED".equals(to) ? Boolean.FALSE : null;
            default -> null;
        });
    }

    /** An edit bears only on {@code set_severity} decisions, and only when it set the severity. */
    private static Verdict edited(IncidentUpdated updated) {
        String severity = updated.changedTo("severity");
        return new Verdict("set severity " + severity, decision -> severity == null
                || !"set_severity".equals(decision.action) ? null : severity.equalsIgnoreCase(decision.severity));
    }

    /** What people did, and whether a decision agrees with it (null: it does not bear on the decision). */
    private record Verdict(String did, Function<PolicyDecision, Boolean> agrees) {

        void judge(PolicyDecision decision, String person) {
            Boolean agreed = agrees.apply(decision);
            if (agreed != null) {
                decision.peopleDid = did + " (" + person + ")";
                decision.agreed = agreed;
                decision.judgedAt = Timestamps.now();
            }
        }
    }
}
