package io.srecopilot.ai;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A ranked root-cause hypothesis of an analysis, with the factors of its confidence and its evidence. */
@Entity
@Table(name = "hypothesis")
public class Hypothesis extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID analysisId;
    public UUID tenantId;
    public UUID projectId;
    public UUID incidentId;
    public int rank;
    public String claim;
    public String description;
    public String suspectService;
    public String category;
    public BigDecimal confidence;
    /** "deterministic" or "llm"; scored alike either way. */
    public String proposedBy;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Explanation explanation;
}
