package io.srecopilot.ai.policy;

import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.ResourceRef;
import io.srecopilot.platform.events.catalog.EventTypes;
import io.srecopilot.platform.events.catalog.PolicyDecided;
import io.srecopilot.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * {@code policy.created|updated|deleted} (for the audit trail) and {@code policy.decided}, the
 * decision incidents applies ({@link PolicyDecided}).
 */
@ApplicationScoped
public class PolicyEvents {

    private final Outbox outbox;
    private final EventCodec codec;

    public PolicyEvents(Outbox outbox, EventCodec codec) {
        this.outbox = outbox;
        this.codec = codec;
    }

    /** {@code type}: one of {@link EventTypes#POLICY_CREATED}, {@code _UPDATED}, {@code _DELETED}. */
    Uni<Void> changed(String type, Policy policy, Actor actor) {
        return outbox.append(EventEnvelope.create(type, policy.tenantId, policy.projectId, actor,
                new ResourceRef("policy", policy.id.toString()), codec.toData(PolicyView.of(policy))));
    }

    Uni<Void> decided(Policy policy, PolicyAction action, UUID incidentId, String reason, BigDecimal confidence) {
        PolicyDecided data = new PolicyDecided(policy.id, policy.name, incidentId, action.type(), action.targetState(),
                policy.mode, reason, confidence, action.severity(), action.channel());
        return outbox.append(EventEnvelope.create(EventTypes.POLICY_DECIDED, policy.tenantId, policy.projectId,
                Actor.system("policy:" + policy.name), new ResourceRef("incident", incidentId.toString()),
                codec.toData(data)));
    }
}
