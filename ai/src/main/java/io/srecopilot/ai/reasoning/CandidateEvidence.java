package io.srecopilot.ai.reasoning;

import io.srecopilot.ai.precedent.PrecedentMatch;
import io.srecopilot.ai.ranking.ServiceSuspicion;
import java.time.Instant;
import java.util.List;

/**
 * Everything that speaks for one candidate cause: its alerts among all the incident's, the first
 * alert's time, what the metrics say of its service ({@code suspicion}, null without metrics),
 * learned incidents like it and people's verdicts on its kind.
 */
record CandidateEvidence(List<SignalFact> supporting, List<SignalFact> all, Category category, Instant firstOnset,
        ServiceSuspicion suspicion, List<PrecedentMatch> precedents, Verdicts verdicts) {

    boolean metricsDeparted() {
        return suspicion != null && suspicion.anomalous();
    }
}
