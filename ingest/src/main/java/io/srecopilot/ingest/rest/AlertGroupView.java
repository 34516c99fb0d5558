package io.srecopilot.ingest.rest;

import io.srecopilot.ingest.AlertGroup;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An alert group with its members; {@code truncatedAlerts > 0} says the sender left some out. */
public record AlertGroupView(UUID id, String groupKey, String source, String status, String receiver,
        Map<String, String> commonLabels, Map<String, String> commonAnnotations, int truncatedAlerts,
        Instant openedAt, Instant updatedAt, Instant resolvedAt, List<SignalView> signals) {

    static AlertGroupView of(AlertGroup group, List<SignalView> signals) {
        return new AlertGroupView(group.id, group.groupKey, group.source, group.status, group.receiver, group.commonLabels,
                group.commonAnnotations, group.truncatedAlerts, group.openedAt, group.updatedAt, group.resolvedAt,
                signals);
    }
}
