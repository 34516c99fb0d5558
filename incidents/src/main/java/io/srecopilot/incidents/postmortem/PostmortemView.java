package io.srecopilot.incidents.postmortem;

import io.srecopilot.incidents.Incident;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A postmortem as the API and events show it; {@code missingForLearned} empty means it is complete. */
public record PostmortemView(UUID incidentId, String reference, String summary, String impact, String rootCause,
        Hypothesis confirmedHypothesis, List<String> contributingFactors, List<Postmortem.ActionItem> actionItems,
        List<String> missingForLearned, String authorId, Instant createdAt, Instant updatedAt, long version) {

    public record Hypothesis(UUID id, String claim) {
    }

    public static PostmortemView of(Incident incident, Postmortem postmortem) {
        Hypothesis hypothesis = postmortem.confirmedHypothesisClaim == null ? null
                : new Hypothesis(postmortem.confirmedHypothesisId, postmortem.confirmedHypothesisClaim);
        return new PostmortemView(incident.id, incident.reference(), postmortem.summary, postmortem.impact,
                postmortem.rootCause, hypothesis, postmortem.details.contributingFactors(),
                postmortem.details.actionItems(), postmortem.missingForLearned(), postmortem.authorId,
                postmortem.createdAt, postmortem.updatedAt, postmortem.version);
    }
}
