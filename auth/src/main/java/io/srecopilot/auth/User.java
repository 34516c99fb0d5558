package io.srecopilot.auth;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A person who signs in with an email and password. */
@Entity
@Table(name = "app_user")
public class User extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID tenantId;
    public String email;
    public String fullName;
    public String passwordHash;
    public Instant createdAt;
    public Instant lastLoginAt;
}
