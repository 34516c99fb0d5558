package io.srecopilot.audit.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.srecopilot.audit.AuditRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditRecord, UUID> {

    /** Newest first, one row more than the limit so the caller knows whether a next page exists. */
    @WithSession
    public Uni<List<AuditRecord>> page(AuditQuery query) {
        Filter filter = filter(query);
        if (query.after() != null) {
            filter.where.append(" and (occurredAt < :at or (occurredAt = :at and id < :id))");
            filter.parameters.and("at", query.after().at()).and("id", query.after().id());
        }
        return find(filter.where + " order by occurredAt desc, id desc", filter.parameters).range(0, query.limit() - 1)
                .list();
    }

    /** Actions per day, top actors and failures for the query's scope and range. */
    @WithSession
    public Uni<List<Object[]>> perDay(AuditQuery query) {
        Filter filter = filter(query);
        return getSession().chain(session -> bind(session.createSelectionQuery(
                "select cast(occurredAt as LocalDate), count(*) from AuditRecord where " + filter.where
                        + " group by 1 order by 1", Object[].class), filter).getResultList());
    }

    @WithSession
    public Uni<List<Object[]>> topActors(AuditQuery query, int limit) {
        Filter filter = filter(query);
        return getSession().chain(session -> bind(session.createSelectionQuery("select actorType, actorId, count(*)"
                + " from AuditRecord where " + filter.where + " group by actorType, actorId order by count(*) desc,"
                + " actorId", Object[].class), filter).setMaxResults(limit).getResultList());
    }

    @WithSession
    public Uni<Long> failures(AuditQuery query) {
        Filter filter = filter(query);
        return getSession().chain(session -> bind(session.createSelectionQuery("select count(*) from AuditRecord where "
                + filter.where + " and outcome = 'failure'", Long.class), filter).getSingleResult());
    }

    private static <R> Mutiny.SelectionQuery<R> bind(Mutiny.SelectionQuery<R> query, Filter filter) {
        filter.parameters.map().forEach(query::setParameter);
        return query;
    }

    private static Filter filter(AuditQuery query) {
        Filter filter = new Filter(new StringBuilder("tenantId = :tenantId"), Parameters.with("tenantId", query.tenantId()));
        filter.equal("projectId", query.projectId());
        filter.equal("actorId", query.actorId());
        filter.equal("action", query.action());
        filter.equal("resourceType", query.resourceType());
        filter.equal("resourceId", query.resourceId());
        filter.equal("outcome", query.outcome());
        if (query.from() != null) {
            filter.where.append(" and occurredAt >= :from");
            filter.parameters.and("from", query.from());
        }
        if (query.to() != null) {
            filter.where.append(" and occurredAt < :to");
            filter.parameters.and("to", query.to());
        }
        return filter;
    }

    /** A where clause and its parameters; every value is bound, never written into the text. */
    private record Filter(StringBuilder where, Parameters parameters) {

        void equal(String field, Object value) {
            if (value != null) {
                where.append(" and ").append(field).append(" = :").append(field);
                parameters.and(field, value);
            }
        }
    }
}
