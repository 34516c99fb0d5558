package io.srecopilot.ai.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

public record PolicyDecisionView(UUID id, UUID policyId, String policyName, UUID incidentId, UUID analysisId,
        String action, String mode, BigDecimal confidence, JsonNode facts, Instant decidedAt, String peopleDid,
        Boolean agreed, Instant judgedAt) {

    static PolicyDecisionView of(PolicyDecision decision) {
        return new PolicyDecisionView(decision.id, decision.policyId, decision.policyName, decision.incidentId,
                decision.analysisId, decision.action, decision.mode, decision.confidence, decision.facts,
                decision.decidedAt, decision.peopleDid, decision.agreed, decision.judgedAt);
    }
}
