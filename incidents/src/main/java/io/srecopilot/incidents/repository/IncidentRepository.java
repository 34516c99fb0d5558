package io.srecopilot.incidents.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.srecopilot.incidents.Incident;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class IncidentRepository implements PanacheRepositoryBase<Incident, UUID> {

    private static final String NEXT_NUMBER = """
            INSERT INTO incident_number (project_id, last_number) VALUES (:projectId, 1)
            ON CONFLICT (project_id) DO UPDATE SET last_number = incident_number.last_number + 1
            RETURNING last_number""";

    /** The incident, or null when it does not exist in this tenant's project. */
    @WithSession
    public Uni<Incident> findInProject(UUID tenantId, UUID projectId, UUID id) {
        return find("id = :id and tenantId = :tenantId and projectId = :projectId",
                Parameters.with("id", id).and("tenantId", tenantId).and("projectId", projectId)).firstResult();
    }

    @WithSession
    public Uni<Incident> findByAlertGroup(UUID projectId, UUID alertGroupId) {
        return find("projectId = ?1 and alertGroupId = ?2", projectId, alertGroupId).firstResult();
    }

    /** Newest first; one row more than the page so the caller knows whether another page follows. */
    @WithSession
    public Uni<List<Incident>> page(IncidentQuery query) {
        StringBuilder where = new StringBuilder("tenantId = :tenantId and projectId = :projectId");
        Parameters parameters = Parameters.with("tenantId", query.tenantId()).and("projectId", query.projectId());
        if (query.state() != null) {
            where.append(" and state = :state");
            parameters.and("state", query.state());
        }
        if (query.after() != null) {
            where.append(" and (detectedAt < :at or (detectedAt = :at and id < :id))");
            parameters.and("at", query.after().at()).and("id", query.after().id());
        }
        return find(where + " order by detectedAt desc, id desc", parameters).range(0, query.limit()).list();
    }

    /** The project's next incident number; row-locks the counter until the transaction ends. */
    @WithSession
    public Uni<Long> nextNumber(UUID projectId) {
        return getSession().chain(session -> session.createNativeQuery(NEXT_NUMBER, Long.class)
                .setParameter("projectId", projectId)
                .getSingleResult());
    }
}
