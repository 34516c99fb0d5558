package io.srecopilot.ai;

import com.fasterxml.jackson.databind.JsonNode;

/** The analysis-wide results, stored as one JSON document: what was missing, which services rank how. */
public record Findings(JsonNode missingData, JsonNode rankedServices) {
}
