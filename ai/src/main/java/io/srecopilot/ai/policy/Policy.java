package io.srecopilot.ai.policy;

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

/** A project's rule: when {@link #condition} holds for an analysis, take {@link #actions}. */
@Entity
@Table(name = "policy")
public class Policy extends PanacheEntityBase {

    public static final String SHADOW = "shadow";
    public static final String ENFORCE = "enforce";

    @Id
    public UUID id;
    public UUID tenantId;
    public UUID projectId;
    public String name;
    public String description;
    public String condition;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public PolicyActions actions;
    public String mode;
    public boolean enabled;
    public int priority;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;
}
