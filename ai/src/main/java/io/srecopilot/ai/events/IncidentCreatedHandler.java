package io.srecopilot.ai.events;

import io.smallrye.mutiny.Uni;
import io.srecopilot.ai.Analysis;
import io.srecopilot.ai.service.AnalysisService;
import io.srecopilot.ai.service.AnalysisWorker;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.catalog.EventTypes;
import io.srecopilot.platform.stream.PerResourceEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every new incident is analysed as soon as it is announced: the analysis is started in the
 * consumer's transaction and computed once that committed, off the consumer, so the consumer
 * never holds a transaction while ingest or the LLM is asked.
 */
@ApplicationScoped
public class IncidentCreatedHandler implements PerResourceEventHandler {

    private final AnalysisService analyses;
    private final AnalysisWorker worker;
    /** Analyses started by events whose transaction has not committed yet, by event id. */
    private final Map<UUID, Analysis> started = new ConcurrentHashMap<>();

    public IncidentCreatedHandler(AnalysisService analyses, AnalysisWorker worker) {
        this.analyses = analyses;
        this.worker = worker;
    }

    @Override
    public boolean accepts(String eventType) {
        return EventTypes.INCIDENT_CREATED.equals(eventType);
    }

    @Override
    public Uni<Void> handle(EventEnvelope event) {
        started.remove(event.id());
        return analyses.startForNewIncident(event).invoke(analysis -> {
            if (analysis != null) {
                started.put(event.id(), analysis);
            }
        }).replaceWithVoid();
    }

    @Override
    public Uni<Void> afterCommit(EventEnvelope event) {
        Analysis analysis = started.remove(event.id());
        if (analysis != null) {
            worker.submit(analysis.id, analysis.attempts);
        }
        return Uni.createFrom().voidItem();
    }
}
