package io.srecopilot.ai.service;

import io.smallrye.mutiny.Uni;
import io.srecopilot.ai.Analysis;
import io.srecopilot.ai.AnalysisView;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.ResourceRef;
import io.srecopilot.platform.events.catalog.AnalysisStarted;
import io.srecopilot.platform.events.catalog.EventTypes;
import io.srecopilot.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code analysis.started}, {@code analysis.completed} and {@code analysis.failed}, about the incident analysed. */
@ApplicationScoped
public class AnalysisEvents {

    private final Outbox outbox;
    private final EventCodec codec;

    public AnalysisEvents(Outbox outbox, EventCodec codec) {
        this.outbox = outbox;
        this.codec = codec;
    }

    Uni<Void> started(Analysis analysis) {
        return append(EventTypes.ANALYSIS_STARTED, analysis, analysis.actor(),
                new AnalysisStarted(analysis.id, analysis.incidentId, analysis.reasoner, analysis.origin));
    }

    Uni<Void> completed(Analysis analysis, AnalysisView view) {
        return append(EventTypes.ANALYSIS_COMPLETED, analysis, analysis.actor(), view);
    }

    /** The analysis could not be finished: its failure says in which step and why. */
    Uni<Void> failed(Analysis analysis, AnalysisView view) {
        return append(EventTypes.ANALYSIS_FAILED, analysis, analysis.actor(), view);
    }

    private Uni<Void> append(String type, Analysis analysis, Actor actor, Object data) {
        return outbox.append(EventEnvelope.create(type, analysis.tenantId, analysis.projectId, actor,
                new ResourceRef("incident", analysis.incidentId.toString()), codec.toData(data)));
    }
}
