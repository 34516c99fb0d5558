package io.srecopilot.incidents;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.srecopilot.platform.domain.Severity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An alert an incident was opened from, kept as ingest described it. */
@Entity
@Table(name = "incident_signal")
@IdClass(IncidentSignal.Key.class)
public class IncidentSignal extends PanacheEntityBase {

    @Id
    public UUID incidentId;
    @Id
    public UUID signalId;
    public UUID tenantId;
    public UUID projectId;
    public String fingerprint;
    public String alertname;
    public String service;
    public Severity severity;
    public String status;
    public Instant startsAt;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, String> labels;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, String> annotations;
    public Instant attachedAt;

    public record Key(UUID incidentId, UUID signalId) implements Serializable {
    }
}
