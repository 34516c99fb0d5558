package io.srecopilot.ai;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The analysis-wide results, stored as one JSON document: what was missing, which services rank
 * how, and the steps the analysis ran ({@code steps} is null for analyses stored before it was).
 */
public record Findings(JsonNode missingData, JsonNode rankedServices, JsonNode steps) {
}
