package io.srecopilot.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.rest.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One audited action: an event as the audit log keeps it, secrets removed. */
@Entity
@Table(name = "audit_record")
public class AuditRecord extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID eventId;
    public UUID tenantId;
    public UUID projectId;
    public Instant occurredAt;
    public Instant recordedAt;
    public String actorType;
    public String actorId;
    public String action;
    public String resourceType;
    public String resourceId;
    public String outcome;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public JsonNode data;
    /** The record's place in its tenant's hash chain, the hash before it, and its own. */
    public Long seq;
    public String prevHash;
    public String hash;

    public static AuditRecord of(EventEnvelope event, JsonNode redactedData) {
        AuditRecord record = new AuditRecord();
        record.id = UUID.randomUUID();
        record.eventId = event.id();
        record.tenantId = event.tenantId();
        record.projectId = event.projectId();
        record.occurredAt = Timestamps.of(event.occurredAt());
        record.recordedAt = Timestamps.now();
        record.actorType = event.actor().type().value();
        record.actorId = event.actor().id();
        record.action = event.type();
        record.resourceType = event.resource() == null ? null : event.resource().type();
        record.resourceId = event.resource() == null ? null : event.resource().id();
        record.outcome = Outcome.of(event.type(), event.data());
        record.data = redactedData;
        return record;
    }
}
