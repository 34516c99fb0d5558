package io.srecopilot.auth;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A tenant's unit of work (a team, a product): incidents, signals and keys belong to one. */
@Entity
@Table(name = "project")
public class Project extends PanacheEntityBase {

    public static final String DEFAULT_NAME = "Default";

    @Id
    public UUID id;
    public UUID tenantId;
    public String name;
    public Instant createdAt;
    public Instant archivedAt;
    public Instant deletedAt;

    public boolean isArchived() {
        return archivedAt != null;
    }
}
