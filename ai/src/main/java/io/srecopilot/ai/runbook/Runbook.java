package io.srecopilot.ai.runbook;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What to do about a kind of problem, in Markdown steps, with what it is for and how risky it is. */
@Entity
@Table(name = "runbook")
public class Runbook extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID tenantId;
    public UUID projectId;
    public String title;
    public String description;
    public String steps;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public RunbookMatching matching;
    public String riskLevel;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;
}
