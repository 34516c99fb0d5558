package io.srecopilot.ai.policy;

import java.util.Map;

/**
 * What a policy condition may look at: the analysis's top hypothesis and its incident.
 * {@code confidence} is 0..1; {@code severity} one of critical, high, medium, low, info.
 */
public record PolicyFacts(double confidence, String severity, String service, String category,
        boolean precedentExists, String state, Map<String, String> labels) {

    public PolicyFacts {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
