package io.srecopilot.ai;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Why a hypothesis has its confidence, and what to do about it, stored as one JSON document: the
 * factors, the evidence, the recommended runbooks (null in analyses made before runbooks) and the
 * factors' weighted sum the confidence was calibrated from (null in analyses made before that).
 */
public record Explanation(JsonNode confidenceBreakdown, JsonNode evidence, JsonNode runbooks, Double rawConfidence) {

    public Explanation withRunbooks(JsonNode recommended) {
        return new Explanation(confidenceBreakdown, evidence, recommended, rawConfidence);
    }
}
