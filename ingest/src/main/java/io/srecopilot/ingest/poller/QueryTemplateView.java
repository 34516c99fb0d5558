package io.srecopilot.ingest.poller;

import java.time.Instant;
import java.util.UUID;

public record QueryTemplateView(UUID id, UUID integrationId, String name, String query, String serviceLabel,
        String callerLabel, String kind, String unit, String severity, int intervalSeconds, QueryTemplateRequest.DetectionRequest detection,
        String libraryId, boolean enabled, Instant nextRunAt, Instant lastRunAt, String lastError, int failures,
        Instant createdAt, Instant updatedAt) {

    static QueryTemplateView of(QueryTemplate template) {
        QueryTemplateRequest.ThresholdRequest threshold = template.thresholdOperator == null ? null
                : new QueryTemplateRequest.ThresholdRequest(template.thresholdOperator, template.thresholdValue,
                        template.thresholdForSeconds);
        QueryTemplateRequest.AnomalyRequest anomaly = template.anomalyZ == null ? null
                : new QueryTemplateRequest.AnomalyRequest(template.anomalyBaselineSeconds, template.anomalyZ,
                        template.anomalyPoints);
        return new QueryTemplateView(template.id, template.integrationId, template.name, template.query,
                template.serviceLabel, template.callerLabel, template.kind, template.unit, template.severity, template.intervalSeconds,
                new QueryTemplateRequest.DetectionRequest(threshold, anomaly), template.libraryId, template.enabled,
                template.nextRunAt, template.lastRunAt, template.lastError, template.failures, template.createdAt,
                template.updatedAt);
    }
}
