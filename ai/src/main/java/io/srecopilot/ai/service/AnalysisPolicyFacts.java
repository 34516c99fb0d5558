package io.srecopilot.ai.service;

import io.srecopilot.ai.policy.PolicyFacts;
import io.srecopilot.ai.reasoning.Reasoning;
import io.srecopilot.platform.events.catalog.IncidentCreated;
import io.srecopilot.platform.events.catalog.IncidentSummary;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What policies see of an analysis: its top hypothesis (confidence, suspect service, category) and
 * the incident as announced (severity, state, its alerts' labels, the first alert's value winning).
 * {@code precedent_exists}: the top hypothesis cites a learned incident like this one.
 */
final class AnalysisPolicyFacts {

    private AnalysisPolicyFacts() {
    }

    static PolicyFacts of(IncidentCreated snapshot, Reasoning reasoning) {
        IncidentSummary incident = snapshot.incident();
        Reasoning.RankedHypothesis top = reasoning.hypotheses().isEmpty() ? null : reasoning.hypotheses().get(0);
        Map<String, String> labels = new LinkedHashMap<>();
        snapshot.signals().stream().filter(signal -> signal.labels() != null)
                .forEach(signal -> signal.labels().forEach(labels::putIfAbsent));
        // Conditions compare the confidence people see: three decimals, as it is stored.
        return new PolicyFacts(top == null ? 0 : Math.round(top.confidence() * 1000) / 1000.0,
                incident.severity() == null ? null : incident.severity().value(),
                top != null && top.suspectService() != null ? top.suspectService() : incident.service(),
                top == null ? null : top.category().value(),
                top != null && top.evidence().stream().anyMatch(Reasoning.Evidence::isPrecedent),
                incident.state() == null ? "DETECTED" : incident.state(), labels);
    }
}
