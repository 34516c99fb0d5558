package io.srecopilot.platform.events.catalog;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.srecopilot.platform.domain.Severity;
import io.srecopilot.platform.domain.TimeWindow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code alertgroup.opened|updated|resolved}, from ingest to incidents: the group after a
 * notification and the signals that notification changed.
 */
@RegisterForReflection
public record AlertGroupChanged(UUID groupId, String groupKey, String status, String source, String receiver,
        Map<String, String> commonLabels, Map<String, String> commonAnnotations, String externalUrl,
        int truncatedAlerts, Correlation correlation, List<Signal> signals) {

    public AlertGroupChanged {
        commonLabels = commonLabels == null ? Map.of() : commonLabels;
        commonAnnotations = commonAnnotations == null ? Map.of() : commonAnnotations;
        signals = signals == null ? List.of() : signals;
    }

    @RegisterForReflection
    public record Signal(UUID id, String fingerprint, String alertname, String service, Severity severity,
            String status, Instant startsAt, Instant endsAt, Map<String, String> labels,
            Map<String, String> annotations, String generatorUrl) {
    }

    /**
     * Why the signals are in this group: the rule, the keys it matched on and the window it applied
     * ({@code null} for the sender's own grouping, which has none).
     */
    @RegisterForReflection
    public record Correlation(String rule, UUID ruleId, String ruleName, Map<String, String> keys, TimeWindow window) {
    }
}
