package io.srecopilot.ai.reasoning;

import io.srecopilot.ai.precedent.PrecedentMatch;
import io.srecopilot.ai.ranking.ServiceChange;
import io.srecopilot.platform.domain.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What a reasoner concluded: ranked hypotheses, ranked services, and what it could not see.
 * {@code inconclusiveBecause} says which rule made it inconclusive; null when it is not.
 * {@code droppedProposals} says which proposed hypotheses were left out, and why.
 */
public record Reasoning(String reasoner, List<RankedHypothesis> hypotheses, List<RankedService> rankedServices,
        String inconclusiveBecause, List<MissingData> missingData, List<String> droppedProposals) {

    public boolean inconclusive() {
        return inconclusiveBecause != null;
    }

    /**
     * {@code rawConfidence} is the weighted sum of the factors in {@code confidenceBreakdown};
     * {@code confidence} the probability it stands for ({@link ConfidenceCalibration}).
     */
    public record RankedHypothesis(int rank, String claim, String description, String suspectService, Category category,
            double confidence, double rawConfidence, List<Factor> confidenceBreakdown, List<Evidence> evidence,
            String proposedBy) {
    }

    /**
     * A fact a hypothesis rests on, pointing back at where it came from: an alert ({@code signal},
     * with its signal id), a departed metric ({@code metric}, with the query and range to re-run),
     * a change ({@code change}, with ingest's change id) or a learned incident that resembles this
     * one ({@code precedent}, id {@code precedent:<incident id>}).
     */
    public record Evidence(String id, String kind, UUID signalId, String alertname, String service,
            Severity severity, String status, Instant startsAt, String summary, String query, Instant from,
            Instant to) {

        static Evidence of(SignalFact signal) {
            return new Evidence(String.valueOf(signal.id()), "signal", signal.id(), signal.alertname(),
                    signal.service(), signal.severity(), signal.status(), signal.startsAt(), signal.summary(), null,
                    null, null);
        }

        static Evidence metric(String service, String metric, Instant onset, String summary, String query,
                Instant from, Instant to) {
            return new Evidence("metric:" + service + ":" + metric, "metric", null, null, service, null, null, onset,
                    summary, query, from, to);
        }

        static Evidence precedent(PrecedentMatch match) {
            String resolved = match.mttrSeconds() == null ? ""
                    : String.format(Locale.ROOT, ", resolved in %d min", Math.round(match.mttrSeconds() / 60.0));
            String summary = String.format(Locale.ROOT, "%s \"%s\": %s (similarity %.2f%s)", match.reference(),
                    match.title(), match.rootCause() == null ? "no root cause written" : match.rootCause(),
                    match.similarity(), resolved);
            return new Evidence("precedent:" + match.incidentId(), "precedent", null, null, match.service(), null, null,
                    null, summary, null, null, null);
        }

        public boolean isPrecedent() {
            return "precedent".equals(kind);
        }

        static Evidence change(ServiceChange change) {
            return new Evidence("change:" + change.id(), "change", null, null, change.service(), null, null,
                    change.at(), change.description(), null, null, null);
        }
    }

    /**
     * A service in scope and how strongly the evidence points at it, with the reason in words;
     * services of equal score share a {@code rank}.
     */
    public record RankedService(int rank, String service, double score, String reason) {
    }

    /** A source the reasoner would have used and did not have, so readers know how far to trust it. */
    public record MissingData(String source, String reason) {
    }
}
