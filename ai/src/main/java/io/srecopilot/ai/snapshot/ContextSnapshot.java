package io.srecopilot.ai.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import io.srecopilot.ai.context.IngestContextView;
import io.srecopilot.ai.ranking.SeriesSummary;
import io.srecopilot.ai.ranking.ServiceChange;
import io.srecopilot.ai.reasoning.ConfidenceWeights;
import io.srecopilot.ai.reasoning.Reasoning;
import java.time.Instant;
import java.util.List;

/**
 * Everything one analysis rested on: the incident and its alerts as announced, the services in
 * scope, the window ingest was asked about (and why it could not answer, if so), the changes in it,
 * who calls whom ({@code topology}, declared and inferred edges), each series' baseline and
 * departure, the learned incidents like this one, and the weights used.
 */
public record ContextSnapshot(JsonNode incident, JsonNode signals, List<String> servicesInScope, Instant contextFrom,
        Instant contextTo, String contextUnavailable, List<ServiceChange> changes,
        List<IngestContextView.Edge> topology, List<SeriesSummary> series, List<Reasoning.Evidence> precedents,
        ConfidenceWeights weights) {
}
