package io.srecopilot.auth;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.srecopilot.platform.security.Role;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A user's role in one project. */
@Entity
@Table(name = "project_member")
@IdClass(Membership.Key.class)
public class Membership extends PanacheEntityBase {

    @Id
    public UUID projectId;
    @Id
    public UUID userId;
    public UUID tenantId;
    public Role role;
    public Instant createdAt;

    public record Key(UUID projectId, UUID userId) implements Serializable {
    }
}
