package io.srecopilot.ai.scoring;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.srecopilot.ai.reasoning.ConfidenceWeights;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The confidence weights a project's admins set. */
@Entity
@Table(name = "scoring_weights")
public class ScoringWeights extends PanacheEntityBase {

    @Id
    public UUID projectId;
    public UUID tenantId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public ConfidenceWeights weights;
    public Instant updatedAt;
    public String updatedBy;
}
