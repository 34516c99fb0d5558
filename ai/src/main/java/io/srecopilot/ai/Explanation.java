package io.srecopilot.ai;

import com.fasterxml.jackson.databind.JsonNode;

/** Why a hypothesis has its confidence, stored as one JSON document: the factors and the evidence. */
public record Explanation(JsonNode confidenceBreakdown, JsonNode evidence) {
}
