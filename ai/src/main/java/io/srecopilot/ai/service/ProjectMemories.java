package io.srecopilot.ai.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.srecopilot.ai.feedback.HypothesisFeedback;
import io.srecopilot.ai.precedent.Precedent;
import io.srecopilot.ai.reasoning.ConfidenceCalibration;
import io.srecopilot.ai.reasoning.ProjectMemory;
import io.srecopilot.ai.reasoning.Verdicts;
import io.srecopilot.ai.scoring.ScoringWeightsService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads what a project has learned and set, for an analysis: precedents, verdicts by kind, weights. */
@ApplicationScoped
public class ProjectMemories {

    private final ScoringWeightsService weights;

    public ProjectMemories(ScoringWeightsService weights) {
        this.weights = weights;
    }

    private static final String VERDICTS = """
            select f.suspectService, f.category, f.verdict, count(f) from HypothesisFeedback f
             where f.tenantId = :tenantId and f.projectId = :projectId
             group by f.suspectService, f.category, f.verdict""";

    /** The project's judged hypotheses: the weighted sum each was shown with, and whether it was accepted. */
    private static final String JUDGED = """
            SELECT CAST(h.explanation ->> 'rawConfidence' AS double precision), f.verdict
              FROM hypothesis_feedback f JOIN hypothesis h ON h.id = f.hypothesis_id
             WHERE f.tenant_id = :tenantId AND f.project_id = :projectId
               AND h.explanation ->> 'rawConfidence' IS NOT NULL
             ORDER BY f.updated_at DESC LIMIT :limit""";

    /** Within the caller's session. */
    public Uni<ProjectMemory> of(UUID tenantId, UUID projectId) {
        return Precedent.recentOf(tenantId, projectId).chain(precedents -> verdicts(tenantId, projectId)
                .chain(verdicts -> weights.weightsOf(tenantId, projectId)
                        .chain(set -> judged(tenantId, projectId).map(judged -> new ProjectMemory(precedents, verdicts,
                                set, ConfidenceCalibration.fitted(judged))))));
    }

    private static Uni<List<double[]>> judged(UUID tenantId, UUID projectId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(JUDGED, Object[].class)
                .setParameter("tenantId", tenantId).setParameter("projectId", projectId)
                .setParameter("limit", ConfidenceCalibration.MAX_JUDGED).getResultList())
                .map(rows -> rows.stream().map(row -> new double[] { ((Number) row[0]).doubleValue(),
                    HypothesisFeedback.ACCEPTED.equals(row[1]) ? 1 : 0 }).toList());
    }

    private static Uni<Map<String, Verdicts>> verdicts(UUID tenantId, UUID projectId) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(VERDICTS, Object[].class)
                .setParameter("tenantId", tenantId).setParameter("projectId", projectId).getResultList())
                .map(ProjectMemories::byKind);
    }

    private static Map<String, Verdicts> byKind(List<Object[]> rows) {
        Map<String, Verdicts> byKind = new HashMap<>();
        for (Object[] row : rows) {
            String kind = ProjectMemory.kind((String) row[0], (String) row[1]);
            long count = ((Number) row[3]).longValue();
            boolean accepted = HypothesisFeedback.ACCEPTED.equals(row[2]);
            byKind.merge(kind, accepted ? new Verdicts(count, 0) : new Verdicts(0, count),
                    (a, b) -> new Verdicts(a.accepted() + b.accepted(), a.rejected() + b.rejected()));
        }
        return byKind;
    }
}
