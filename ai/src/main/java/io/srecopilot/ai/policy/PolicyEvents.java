package io.srecopilot.ai.policy;

import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.ResourceRef;
import io.srecopilot.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * {@code policy.created|updated|deleted} (for the audit trail) and {@code policy.decided}, the
 * decision incidents applies: {@code {policyId, policyName, incidentId, action, targetState, mode,
 * reason, confidence, severity, channel}}.
 */
@ApplicationScoped
public class PolicyEvents {

    private final Outbox outbox;
    private final EventCodec codec;

    public PolicyEvents(Outbox outbox, EventCodec codec) {
        this.outbox = outbox;
        this.codec = codec;
    }

    Uni<Void> changed(String verb, Policy policy, Actor actor) {
        return outbox.append(EventEnvelope.create("policy." + verb, policy.tenantId, policy.projectId, actor,
                new ResourceRef("policy", policy.id.toString()), codec.toData(PolicyView.of(policy))));
    }

    Uni<Void> decided(Policy policy, PolicyAction action, UUID incidentId, String reason, BigDecimal confidence) {
        Decided data = new Decided(policy.id, policy.name, incidentId, action.type(), action.targetState(), policy.mode,
                reason, confidence, action.severity(), action.channel());
        return outbox.append(EventEnvelope.create("policy.decided", policy.tenantId, policy.projectId,
                Actor.system("policy:" + policy.name), new ResourceRef("incident", incidentId.toString()),
                codec.toData(data)));
    }

    record Decided(UUID policyId, String policyName, UUID incidentId, String action, String targetState, String mode,
            String reason, BigDecimal confidence, String severity, String channel) {
    }
}
