package io.srecopilot.ai.reasoning;

import io.srecopilot.platform.domain.Severity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a reasoner concluded: ranked hypotheses, ranked services, and what it could not see. */
public record Reasoning(String reasoner, List<RankedHypothesis> hypotheses, List<RankedService> rankedServices,
        boolean inconclusive, List<MissingData> missingData) {

    public record RankedHypothesis(int rank, String claim, String description, String suspectService, Category category,
            double confidence, List<Factor> confidenceBreakdown, List<Evidence> evidence) {
    }

    /** A fact a hypothesis rests on, pointing back at where it came from. */
    public record Evidence(String kind, UUID signalId, String alertname, String service, Severity severity,
            String status, Instant startsAt, String summary) {

        static Evidence of(SignalFact signal) {
            return new Evidence("signal", signal.id(), signal.alertname(), signal.service(), signal.severity(),
                    signal.status(), signal.startsAt(), signal.summary());
        }
    }

    public record RankedService(String service, double score) {
    }

    /** A source the reasoner would have used and did not have, so readers know how far to trust it. */
    public record MissingData(String source, String reason) {
    }
}
