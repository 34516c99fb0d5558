package io.srecopilot.ai.service;

import io.smallrye.mutiny.Uni;
import io.srecopilot.ai.Analysis;
import io.srecopilot.ai.Hypothesis;
import io.srecopilot.ai.reasoning.Reasoning;
import io.srecopilot.ai.runbook.HypothesisTraits;
import io.srecopilot.ai.runbook.Recommendation;
import io.srecopilot.ai.runbook.RunbookRecommender;
import io.srecopilot.ai.runbook.RunbookService;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.catalog.IncidentCreated;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/** The last step of an analysis: the project's runbooks that fit each hypothesis, kept with it. */
@ApplicationScoped
class RunbookRecommendations {

    private final RunbookService runbooks;
    private final EventCodec codec;

    RunbookRecommendations(RunbookService runbooks, EventCodec codec) {
        this.runbooks = runbooks;
        this.codec = codec;
    }

    /** Sets each persisted hypothesis' recommendations (joins the analysis' transaction); emits how many. */
    Uni<Integer> recommend(Analysis analysis, List<Hypothesis> hypotheses, Reasoning reasoning,
            IncidentCreated snapshot) {
        Map<UUID, Map<String, String>> labelsBySignal = snapshot.signals().stream()
                .filter(signal -> signal.id() != null && signal.labels() != null)
                .collect(Collectors.toMap(IncidentCreated.Alert::id, IncidentCreated.Alert::labels, (a, b) -> a));
        return runbooks.records(analysis.tenantId, analysis.projectId).map(records -> {
            int count = 0;
            for (int i = 0; i < hypotheses.size(); i++) {
                List<Recommendation> found = records.isEmpty() ? List.of()
                        : RunbookRecommender.recommend(traits(reasoning.hypotheses().get(i), labelsBySignal), records);
                Hypothesis hypothesis = hypotheses.get(i);
                hypothesis.explanation = hypothesis.explanation.withRunbooks(codec.toData(found));
                count += found.size();
            }
            return count;
        });
    }

    private static HypothesisTraits traits(Reasoning.RankedHypothesis hypothesis,
            Map<UUID, Map<String, String>> labelsBySignal) {
        List<Reasoning.Evidence> alerts = hypothesis.evidence().stream()
                .filter(evidence -> evidence.signalId() != null).toList();
        Map<String, String> labels = new HashMap<>();
        alerts.forEach(alert -> labels.putAll(labelsBySignal.getOrDefault(alert.signalId(), Map.of())));
        return new HypothesisTraits(hypothesis.suspectService(), hypothesis.category().value(), hypothesis.claim(),
                hypothesis.description(), alerts.stream().map(Reasoning.Evidence::alertname).filter(Objects::nonNull)
                        .distinct().toList(), labels);
    }
}
