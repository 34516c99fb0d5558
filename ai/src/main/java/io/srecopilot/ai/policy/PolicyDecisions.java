package io.srecopilot.ai.policy;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.rest.Cursor;
import io.srecopilot.platform.rest.Page;
import io.srecopilot.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** What the project's policies decided, newest first, for one incident or all. */
@ApplicationScoped
public class PolicyDecisions {

    @WithSession
    public Uni<Page<PolicyDecisionView>> list(Caller caller, UUID incidentId, Cursor after, int limit) {
        StringBuilder where = new StringBuilder("tenantId = :tenantId and projectId = :projectId");
        Parameters parameters = Parameters.with("tenantId", caller.tenantId()).and("projectId", caller.projectId());
        if (incidentId != null) {
            where.append(" and incidentId = :incidentId");
            parameters.and("incidentId", incidentId);
        }
        if (after != null) {
            where.append(" and (decidedAt < :at or (decidedAt = :at and id < :id))");
            parameters.and("at", after.at()).and("id", after.id());
        }
        return PolicyDecision.<PolicyDecision>find(where + " order by decidedAt desc, id desc", parameters)
                .range(0, limit).list()
                .map(rows -> Page.of(rows, limit, row -> new Cursor(row.decidedAt, row.id), PolicyDecisionView::of));
    }
}
