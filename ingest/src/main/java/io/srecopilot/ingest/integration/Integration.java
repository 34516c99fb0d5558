package io.srecopilot.ingest.integration;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A Prometheus server of a project; {@code sealedSecrets} holds the token or password and header values. */
@Entity
@Table(name = "integration")
public class Integration extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID tenantId;
    public UUID projectId;
    public String type;
    public String name;
    public String url;
    public String alertmanagerUrl;
    public String authType;
    public String username;
    public String sealedSecrets;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> headerNames;
    public boolean tlsVerify;
    public Instant lastSuccessAt;
    public Instant lastErrorAt;
    public String lastError;
    public Instant createdAt;
    public Instant updatedAt;

    /** What seals this row's secrets to it. */
    String secretsOwner() {
        return "integration:" + id;
    }
}
