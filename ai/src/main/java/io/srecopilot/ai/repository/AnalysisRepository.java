package io.srecopilot.ai.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.srecopilot.ai.Analysis;
import io.srecopilot.ai.Hypothesis;
import io.srecopilot.ai.IncidentContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AnalysisRepository implements PanacheRepositoryBase<Analysis, UUID> {

    private static final String IN_SCOPE = "incidentId = :incidentId and tenantId = :tenantId and projectId = :projectId";

    /** The newest analysis of the incident, or null (also when the incident is another project's). */
    @WithSession
    public Uni<Analysis> latestFor(UUID tenantId, UUID projectId, UUID incidentId) {
        return find(IN_SCOPE + " order by startedAt desc, id desc", scope(tenantId, projectId, incidentId)).firstResult();
    }

    @WithSession
    public Uni<List<Hypothesis>> hypothesesOf(UUID analysisId) {
        return Hypothesis.list("analysisId = ?1 order by rank", analysisId);
    }

    @WithSession
    public Uni<IncidentContext> contextFor(UUID tenantId, UUID projectId, UUID incidentId) {
        return IncidentContext.find(IN_SCOPE, scope(tenantId, projectId, incidentId)).firstResult();
    }

    private static Parameters scope(UUID tenantId, UUID projectId, UUID incidentId) {
        return Parameters.with("incidentId", incidentId).and("tenantId", tenantId).and("projectId", projectId);
    }
}
