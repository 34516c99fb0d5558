package io.srecopilot.ai.scoring;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.srecopilot.ai.reasoning.ConfidenceWeights;
import io.srecopilot.platform.audit.ChangeRecorder;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.ResourceRef;
import io.srecopilot.platform.events.catalog.EventTypes;
import io.srecopilot.platform.outbox.Outbox;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Each project's confidence weights: the defaults until its admins set others. */
@ApplicationScoped
public class ScoringWeightsService {

    private final Outbox outbox;
    private final EventCodec codec;
    private final ChangeRecorder audited;

    public ScoringWeightsService(Outbox outbox, EventCodec codec, ChangeRecorder audited) {
        this.audited = audited;
        this.outbox = outbox;
        this.codec = codec;
    }

    @WithSession
    public Uni<WeightsView> get(Caller caller) {
        return find(caller.tenantId(), caller.projectId()).map(WeightsView::of);
    }

    @WithTransaction
    public Uni<WeightsView> set(Caller caller, WeightsRequest request) {
        ConfidenceWeights weights = request.weights();
        String problem = weights.problem();
        if (problem != null) {
            throw ProblemException.invalid("weights", problem);
        }
        return find(caller.tenantId(), caller.projectId()).chain(found -> {
            audited.before(WeightsView.of(found));
            ScoringWeights stored = found != null ? found : new ScoringWeights();
            stored.projectId = caller.projectId();
            stored.tenantId = caller.tenantId();
            stored.weights = weights;
            stored.updatedAt = Timestamps.now();
            stored.updatedBy = caller.actor().id();
            WeightsView view = WeightsView.of(stored);
            return stored.persist().call(() -> outbox.append(EventEnvelope.create(EventTypes.SCORING_WEIGHTS_UPDATED,
                    caller.tenantId(), caller.projectId(), caller.actor(),
                    new ResourceRef("project", caller.projectId().toString()), codec.toData(view))))
                    .replaceWith(view);
        });
    }

    /** The weights analyses of the project use; joins the caller's session. */
    public Uni<ConfidenceWeights> weightsOf(UUID tenantId, UUID projectId) {
        return find(tenantId, projectId).map(found -> found == null ? ConfidenceWeights.DEFAULT : found.weights);
    }

    private static Uni<ScoringWeights> find(UUID tenantId, UUID projectId) {
        return ScoringWeights.<ScoringWeights>find("projectId = ?1 and tenantId = ?2", projectId, tenantId).firstResult();
    }
}
