package io.srecopilot.incidents.notification;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One message to one channel, and how sending it went. */
@Entity
@Table(name = "notification_delivery")
public class NotificationDelivery extends PanacheEntityBase {

    public static final String PENDING = "pending";
    public static final String SENDING = "sending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";
    public static final String TEST_EVENT = "notification.test";

    @Id
    public UUID id;
    public UUID tenantId;
    public UUID projectId;
    public UUID channelId;
    public UUID incidentId;
    public UUID eventId;
    public String eventType;
    /** {@code {eventType, incident, from, to, reason, comment, changes}}: what the message tells. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public JsonNode payload;
    public String status;
    public int attempts;
    public Instant nextAttemptAt;
    public Instant leaseUntil;
    public String lastError;
    public Integer responseStatus;
    public Instant createdAt;
    public Instant deliveredAt;

    public boolean isTest() {
        return TEST_EVENT.equals(eventType);
    }
}
