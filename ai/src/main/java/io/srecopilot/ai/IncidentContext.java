package io.srecopilot.ai;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An incident and its alerts ({@code {incident, signals}}), as incidents announced them: what analyses run on. */
@Entity
@Table(name = "incident_context")
public class IncidentContext extends PanacheEntityBase {

    @Id
    public UUID incidentId;
    public UUID tenantId;
    public UUID projectId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public JsonNode snapshot;
    public Instant receivedAt;
}
