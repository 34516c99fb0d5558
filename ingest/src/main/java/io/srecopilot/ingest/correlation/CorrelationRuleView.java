package io.srecopilot.ingest.correlation;

import io.srecopilot.platform.domain.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record CorrelationRuleView(UUID id, String name, List<String> labelNames, int windowSeconds,
        TimeWindow window, int priority, boolean enabled, Instant createdAt, Instant updatedAt) {

    static CorrelationRuleView of(CorrelationRule rule) {
        return new CorrelationRuleView(rule.id, rule.name, rule.labelNames, rule.windowSeconds,
                TimeWindow.of(Duration.ofSeconds(rule.windowSeconds)), rule.priority, rule.enabled, rule.createdAt,
                rule.updatedAt);
    }
}
