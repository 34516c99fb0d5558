package io.srecopilot.ingest;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An alert group, read side (the write path keeps it with SQL, see SignalStore). */
@Entity
@Table(name = "alert_group")
public class AlertGroup extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID tenantId;
    public UUID projectId;
    public String groupKey;
    public String source;
    public String receiver;
    public String status;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, String> commonLabels;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, String> commonAnnotations;
    public int truncatedAlerts;
    public Instant openedAt;
    public Instant updatedAt;
    public Instant resolvedAt;
}
