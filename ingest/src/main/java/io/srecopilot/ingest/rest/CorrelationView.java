package io.srecopilot.ingest.rest;

import io.srecopilot.ingest.AlertGroup;
import io.srecopilot.ingest.Signal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Why a signal is in its group: the rule ({@code group-key}, {@code dedup-key} or {@code labels}
 * with the rule's id and name), the keys it matched on, the window with its unit, and the group.
 */
public record CorrelationView(UUID signalId, UUID alertGroupId, String groupKey, Instant groupOpenedAt,
        Object rule, Object ruleId, Object ruleName, Object keys, Object window, Instant receivedAt) {

    static CorrelationView of(Signal signal, AlertGroup group) {
        Map<String, Object> link = signal.correlation == null ? Map.of() : signal.correlation;
        return new CorrelationView(signal.id, group.id, group.groupKey, group.openedAt, link.get("rule"),
                link.get("ruleId"), link.get("ruleName"), link.get("keys"), link.get("window"), signal.receivedAt);
    }
}
