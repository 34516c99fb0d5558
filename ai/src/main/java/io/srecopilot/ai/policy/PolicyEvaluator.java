package io.srecopilot.ai.policy;

import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.rest.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Runs the project's enabled policies over a finished analysis, in priority order. Every match is
 * recorded, action by action; enforced ones are also announced as {@code policy.decided} for
 * incidents to apply, shadowed ones only say what the policy would have done.
 */
@ApplicationScoped
public class PolicyEvaluator {

    private static final Logger LOG = Logger.getLogger(PolicyEvaluator.class);

    private final PolicyEvents events;
    private final EventCodec codec;

    public PolicyEvaluator(PolicyEvents events, EventCodec codec) {
        this.events = events;
        this.codec = codec;
    }

    /** Must run inside the analysis's transaction. */
    public Uni<List<PolicyDecision>> decide(UUID tenantId, UUID projectId, UUID incidentId, UUID analysisId,
            PolicyFacts facts) {
        return Policy.<Policy>find("tenantId = ?1 and projectId = ?2 and enabled = true order by priority, name",
                tenantId, projectId).list().chain(policies -> {
                    List<PolicyDecision> decisions = new ArrayList<>();
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (Policy policy : policies) {
                        if (holds(policy, facts)) {
                            for (PolicyAction action : policy.actions.items()) {
                                PolicyDecision decision = decision(policy, action, incidentId, analysisId, facts);
                                decisions.add(decision);
                                all = all.call(decision::persist).call(() -> announce(policy, action, incidentId, facts));
                            }
                        }
                    }
                    return all.replaceWith(decisions);
                });
    }

    private Uni<Void> announce(Policy policy, PolicyAction action, UUID incidentId, PolicyFacts facts) {
        if (!Policy.ENFORCE.equals(policy.mode)) {
            return Uni.createFrom().voidItem();
        }
        String reason = String.format(Locale.ROOT, "%s held (top hypothesis %s on %s at %.0f%%)", policy.condition,
                facts.category(), facts.service(), facts.confidence() * 100);
        return events.decided(policy, action, incidentId, reason, confidence(facts));
    }

    /** A stored condition was valid when written; one that no longer parses is skipped, not fatal. */
    private static boolean holds(Policy policy, PolicyFacts facts) {
        try {
            return PolicyExpression.parse(policy.condition).test(facts);
        } catch (PolicySyntaxException e) {
            LOG.warnf("Policy %s (%s) has an unreadable condition and is skipped: %s", policy.name, policy.id,
                    e.getMessage());
            return false;
        }
    }

    private PolicyDecision decision(Policy policy, PolicyAction action, UUID incidentId, UUID analysisId,
            PolicyFacts facts) {
        PolicyDecision decision = new PolicyDecision();
        decision.id = UUID.randomUUID();
        decision.tenantId = policy.tenantId;
        decision.projectId = policy.projectId;
        decision.policyId = policy.id;
        decision.policyName = policy.name;
        decision.incidentId = incidentId;
        decision.analysisId = analysisId;
        decision.action = action.type();
        decision.mode = policy.mode;
        decision.confidence = confidence(facts);
        decision.facts = codec.toData(facts);
        decision.decidedAt = Timestamps.now();
        decision.severity = action.severity();
        decision.channel = action.channel();
        return decision;
    }

    private static BigDecimal confidence(PolicyFacts facts) {
        return BigDecimal.valueOf(facts.confidence()).setScale(3, RoundingMode.HALF_UP);
    }
}
