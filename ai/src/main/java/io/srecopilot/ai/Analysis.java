package io.srecopilot.ai;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.srecopilot.platform.rest.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One run of a reasoner over an incident's context. */
@Entity
@Table(name = "analysis")
public class Analysis extends PanacheEntityBase {

    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";

    @Id
    public UUID id;
    public UUID tenantId;
    public UUID projectId;
    public UUID incidentId;
    public String status;
    public String reasoner;
    public boolean inconclusive;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Findings findings;
    public Instant startedAt;
    public Instant completedAt;

    public static Analysis start(IncidentContext context, String reasoner, JsonNode emptyList) {
        // Running analyses have found nothing yet.
        Analysis analysis = new Analysis();
        analysis.id = UUID.randomUUID();
        analysis.tenantId = context.tenantId;
        analysis.projectId = context.projectId;
        analysis.incidentId = context.incidentId;
        analysis.status = RUNNING;
        analysis.reasoner = reasoner;
        analysis.findings = new Findings(emptyList, emptyList, emptyList);
        analysis.startedAt = Timestamps.now();
        return analysis;
    }
}
