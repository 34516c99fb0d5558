package io.srecopilot.ingest.poller;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A PromQL query the poller runs against an integration, and how it judges the series it returns. */
@Entity
@Table(name = "query_template")
public class QueryTemplate extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID tenantId;
    public UUID projectId;
    public UUID integrationId;
    public String name;
    public String query;
    public String serviceLabel;
    /** The label naming the calling service, for series of calls between services; else null. */
    public String callerLabel;
    /** What the template measures (see {@link QueryTemplateRequest#kind}); null when it does not say. */
    public String kind;
    public String unit;
    public String severity;
    public int intervalSeconds;
    public String thresholdOperator;
    public Double thresholdValue;
    public Integer thresholdForSeconds;
    public Integer anomalyBaselineSeconds;
    @Column(name = "anomaly_z")
    public Double anomalyZ;
    public Integer anomalyPoints;
    public String libraryId;
    public boolean enabled;
    public Instant nextRunAt;
    public Instant lastRunAt;
    public String lastError;
    public int failures;
    public Instant createdAt;
    public Instant updatedAt;

    public Detection detection() {
        Detection.Threshold threshold = thresholdOperator == null ? null : new Detection.Threshold(thresholdOperator,
                thresholdValue, Duration.ofSeconds(thresholdForSeconds == null ? 0 : thresholdForSeconds));
        Detection.Anomaly anomaly = anomalyZ == null ? null : new Detection.Anomaly(
                Duration.ofSeconds(anomalyBaselineSeconds), anomalyZ, anomalyPoints);
        return new Detection(threshold, anomaly);
    }
}
