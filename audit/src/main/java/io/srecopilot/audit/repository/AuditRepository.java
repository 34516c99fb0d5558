package io.srecopilot.audit.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.srecopilot.audit.AuditRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditRecord, UUID> {

    /** Newest first, one row more than the limit so the caller knows whether a next page exists. */
    @WithSession
    public Uni<List<AuditRecord>> page(AuditQuery query) {
        StringBuilder where = new StringBuilder("tenantId = :tenantId and projectId = :projectId");
        Parameters parameters = Parameters.with("tenantId", query.tenantId()).and("projectId", query.projectId());
        if (query.action() != null) {
            where.append(" and action = :action");
            parameters.and("action", query.action());
        }
        if (query.resourceType() != null) {
            where.append(" and resourceType = :resourceType");
            parameters.and("resourceType", query.resourceType());
        }
        if (query.resourceId() != null) {
            where.append(" and resourceId = :resourceId");
            parameters.and("resourceId", query.resourceId());
        }
        if (query.after() != null) {
            where.append(" and (occurredAt < :at or (occurredAt = :at and id < :id))");
            parameters.and("at", query.after().at()).and("id", query.after().id());
        }
        return find(where + " order by occurredAt desc, id desc", parameters).range(0, query.limit()).list();
    }
}
