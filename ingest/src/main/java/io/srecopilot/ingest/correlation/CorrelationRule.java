package io.srecopilot.ingest.correlation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Signals carrying every one of {@code labelNames} with equal values share a group, as long as
 * the group fires or last heard of a signal within {@code windowSeconds}.
 */
@Entity
@Table(name = "correlation_rule")
public class CorrelationRule extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID tenantId;
    public UUID projectId;
    public String name;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> labelNames;
    public int windowSeconds;
    public int priority;
    public boolean enabled;
    public Instant createdAt;
    public Instant updatedAt;
}
