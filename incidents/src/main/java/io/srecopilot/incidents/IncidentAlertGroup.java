package io.srecopilot.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An alert group an incident stands for, and why it was attached. */
@Entity
@Table(name = "incident_alert_group")
@IdClass(IncidentAlertGroup.Key.class)
public class IncidentAlertGroup extends PanacheEntityBase {

    public static final String FIRING = "firing";
    public static final String RESOLVED = "resolved";

    @Id
    public UUID incidentId;
    @Id
    public UUID alertGroupId;
    public UUID tenantId;
    public UUID projectId;
    public String service;
    public String status;
    public Instant attachedAt;
    public Instant resolvedAt;
    /** {@code {rule, keys, window}}: which correlation rule attached it, on which keys, within which window. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public JsonNode reason;

    public record Key(UUID incidentId, UUID alertGroupId) implements Serializable {
    }
}
