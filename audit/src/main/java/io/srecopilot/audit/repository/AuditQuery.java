package io.srecopilot.audit.repository;

import io.srecopilot.platform.rest.Cursor;
import java.time.Instant;
import java.util.UUID;

/**
 * A page request on a tenant's audit log: one project's ({@code projectId}) or, for owners, the
 * whole tenant's (null), narrowed by actor, action, resource, outcome and time range.
 */
public record AuditQuery(UUID tenantId, UUID projectId, String actorId, String action, String resourceType,
        String resourceId, String outcome, Instant from, Instant to, Cursor after, int limit) {

    public AuditQuery limit(int rows) {
        return new AuditQuery(tenantId, projectId, actorId, action, resourceType, resourceId, outcome, from, to, after,
                rows);
    }

    public AuditQuery after(Cursor next) {
        return new AuditQuery(tenantId, projectId, actorId, action, resourceType, resourceId, outcome, from, to, next,
                limit);
    }
}
