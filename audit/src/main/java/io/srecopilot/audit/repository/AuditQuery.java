package io.srecopilot.audit.repository;

import io.srecopilot.platform.rest.Cursor;
import java.util.UUID;

/** A page request on one project's audit log, optionally narrowed to an action or a resource. */
public record AuditQuery(UUID tenantId, UUID projectId, String action, String resourceType, String resourceId,
        Cursor after, int limit) {
}
