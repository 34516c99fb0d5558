package io.srecopilot.ingest;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.srecopilot.platform.domain.Severity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A stored alert occurrence, read side (the write path upserts it with SQL, see SignalStore). */
@Entity
@Table(name = "signal")
public class Signal extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID tenantId;
    public UUID projectId;
    public UUID alertGroupId;
    public String source;
    public String fingerprint;
    public String alertname;
    public String service;
    public Severity severity;
    public String status;
    public Instant startsAt;
    public Instant endsAt;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, String> labels;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, String> annotations;
    public String generatorUrl;
    /** Why the signal is in its group (see CorrelationLink). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Object> correlation;
    public Instant acknowledgedAt;
    public Instant receivedAt;
    public Instant updatedAt;
}
