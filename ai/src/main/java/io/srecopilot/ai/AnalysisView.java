package io.srecopilot.ai;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An analysis as the API and {@code analysis.completed} (or {@code analysis.failed}) show it:
 * {@code failure} says which step failed and why, {@code origin} what started it, {@code attempts}
 * how many times it was tried, {@code rerunAt} when it will run once more because the metrics
 * around the incident were not all in yet.
 */
public record AnalysisView(UUID id, UUID incidentId, String status, String reasoner, boolean inconclusive,
        JsonNode missingData, JsonNode rankedServices, List<HypothesisView> hypotheses, JsonNode steps,
        Instant startedAt, Instant completedAt, String origin, int attempts, Analysis.Failure failure,
        Instant rerunAt) {

    /**
     * {@code confidence}: the probability that the hypothesis is right, calibrated from
     * {@code rawConfidence}, the weighted sum of the factors in {@code confidenceBreakdown}.
     */
    public record HypothesisView(UUID id, int rank, String claim, String description, String suspectService,
            String category, BigDecimal confidence, Double rawConfidence, JsonNode confidenceBreakdown,
            JsonNode evidence, String proposedBy, JsonNode recommendedRunbooks) {

        static HypothesisView of(Hypothesis hypothesis) {
            return new HypothesisView(hypothesis.id, hypothesis.rank, hypothesis.claim, hypothesis.description,
                    hypothesis.suspectService, hypothesis.category, hypothesis.confidence,
                    hypothesis.explanation.rawConfidence(), hypothesis.explanation.confidenceBreakdown(),
                    hypothesis.explanation.evidence(), hypothesis.proposedBy, hypothesis.explanation.runbooks());
        }
    }

    public static AnalysisView of(Analysis analysis, List<Hypothesis> hypotheses) {
        return new AnalysisView(analysis.id, analysis.incidentId, analysis.status, analysis.reasoner,
                analysis.inconclusive, analysis.findings.missingData(), analysis.findings.rankedServices(),
                hypotheses.stream().map(HypothesisView::of).toList(), analysis.findings.steps(), analysis.startedAt,
                analysis.completedAt, analysis.origin, analysis.attempts, analysis.failure, analysis.rerunAt);
    }
}
