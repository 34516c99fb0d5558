package io.srecopilot.audit.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.srecopilot.audit.AuditRecord;
import io.srecopilot.platform.events.ResourceRef;
import java.time.Instant;
import java.util.UUID;

/** An audit record as the API shows it. */
public record AuditEntry(UUID id, UUID eventId, Instant occurredAt, Actor actor, String action, ResourceRef resource,
        String outcome, JsonNode data) {

    public record Actor(String type, String id) {
    }

    static AuditEntry of(AuditRecord record) {
        ResourceRef resource = record.resourceType == null ? null : new ResourceRef(record.resourceType, record.resourceId);
        return new AuditEntry(record.id, record.eventId, record.occurredAt, new Actor(record.actorType, record.actorId),
                record.action, resource, record.outcome, record.data);
    }
}
