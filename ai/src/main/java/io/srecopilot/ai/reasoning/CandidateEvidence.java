package io.srecopilot.ai.reasoning;

import io.srecopilot.ai.precedent.PrecedentMatch;
import io.srecopilot.ai.ranking.ServiceSuspicion;
import java.time.Instant;
import java.util.List;

/**
 * Everything that speaks for one candidate cause: its alerts among all the incident's (there may be
 * none: a cause found in the metrics alone), the first alert's time, what the metrics say of its
 * service ({@code suspicion}, null without series of it) and how much of the metric evidence of all
 * services points at it ({@code metricShare}, null when the analysis had no metrics), learned
 * incidents like it and people's verdicts on its kind.
 */
record CandidateEvidence(List<SignalFact> supporting, List<SignalFact> all, Category category, Instant firstOnset,
        ServiceSuspicion suspicion, Double metricShare, List<PrecedentMatch> precedents, Verdicts verdicts) {

    boolean metricsDeparted() {
        return suspicion != null && suspicion.anomalous();
    }

    /** The ranking has something to say of this service: the analysis had series of it. */
    boolean ranked() {
        return suspicion != null && metricShare != null;
    }
}
