package io.srecopilot.ai.runbook;

import java.util.List;
import java.util.Map;

/** What a runbook is matched against: the hypothesis' service, kind, words, alerts and their labels. */
public record HypothesisTraits(String suspectService, String category, String claim, String description,
        List<String> alertnames, Map<String, String> labels) {

    public HypothesisTraits {
        alertnames = alertnames == null ? List.of() : List.copyOf(alertnames);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
