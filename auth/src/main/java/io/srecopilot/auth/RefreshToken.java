package io.srecopilot.auth;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One refresh token of a login (its family), stored as a hash. */
@Entity
@Table(name = "refresh_token")
public class RefreshToken extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID familyId;
    public UUID userId;
    public UUID tenantId;
    public UUID projectId;
    public String tokenHash;
    public Instant createdAt;
    public Instant expiresAt;
    public Instant usedAt;
    public Instant revokedAt;

    public boolean isUsable(Instant now) {
        return usedAt == null && revokedAt == null && expiresAt.isAfter(now);
    }
}
