package io.srecopilot.auth;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.srecopilot.platform.security.Role;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An invitation into a project for someone without an account; only the token's hash is kept. */
@Entity
@Table(name = "invitation")
public class Invitation extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID tenantId;
    public UUID projectId;
    public String email;
    public Role role;
    public String tokenHash;
    public UUID invitedBy;
    public Instant createdAt;
    public Instant expiresAt;
    public Instant acceptedAt;
    public Instant revokedAt;

    public boolean isOpen(Instant now) {
        return acceptedAt == null && revokedAt == null && expiresAt.isAfter(now);
    }
}
