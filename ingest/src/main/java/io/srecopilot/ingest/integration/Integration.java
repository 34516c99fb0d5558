package io.srecopilot.ingest.integration;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.vertx.mutiny.sqlclient.Row;
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

    /** Whose the sealed secrets are: {@code integration:<id>}, so they open on this row only. */
    static final String SECRETS_OWNER = "integration:";

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

    /**
     * The connection settings of a row read with the SQL client ({@code id, url, alertmanager_url,
     * auth_type, username, sealed_secrets, tls_verify}), as a detached object for the clients.
     */
    public static Integration connection(Row row) {
        Integration integration = new Integration();
        integration.id = row.getUUID("id");
        integration.url = row.getString("url");
        integration.alertmanagerUrl = row.getString("alertmanager_url");
        integration.authType = row.getString("auth_type");
        integration.username = row.getString("username");
        integration.sealedSecrets = row.getString("sealed_secrets");
        integration.tlsVerify = row.getBoolean("tls_verify");
        return integration;
    }

    /** What seals this row's secrets to it. */
    String secretsOwner() {
        return SECRETS_OWNER + id;
    }
}
