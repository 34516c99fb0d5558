package io.srecopilot.ai.snapshot;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A {@link ContextSnapshot} as stored: its exact JSON text and SHA-256; the database refuses changes. */
@Entity
@Table(name = "analysis_snapshot")
public class AnalysisSnapshot extends PanacheEntityBase {

    @Id
    public UUID analysisId;
    public UUID tenantId;
    public UUID projectId;
    public UUID incidentId;
    public String content;
    public String sha256;
    public Instant takenAt;
}
