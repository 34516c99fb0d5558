package io.srecopilot.incidents.notification;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A place a project's incident news goes to. */
@Entity
@Table(name = "notification_channel")
public class NotificationChannel extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID tenantId;
    public UUID projectId;
    public String name;
    public ChannelType type;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Target config;
    /**
     * Sealed by {@link ChannelSecrets}: the webhook's HMAC key, or the Slack incoming-webhook URL
     * (whose {@code config.url} then holds only its masked form); null for e-mail.
     */
    public String sealedSecret;
    /** Written in plain text before secrets were sealed; emptied at start by {@link LegacyChannelSecrets}. */
    public String legacySecret;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Routing routing;
    public boolean enabled;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;

    /** Where to: a URL for webhooks and Slack, addresses for e-mail. */
    @RegisterForReflection
    public record Target(String url, List<String> to) {

        public Target {
            to = to == null ? List.of() : List.copyOf(to);
        }
    }
}
