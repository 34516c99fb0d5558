package io.srecopilot.ai.events;

import io.smallrye.mutiny.Uni;
import io.srecopilot.ai.service.AnalysisService;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.stream.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

/** Every new incident is analysed as soon as it is announced. */
@ApplicationScoped
public class IncidentCreatedHandler implements EventHandler {

    private final AnalysisService analyses;

    public IncidentCreatedHandler(AnalysisService analyses) {
        this.analyses = analyses;
    }

    @Override
    public boolean accepts(String eventType) {
        return "incident.created".equals(eventType);
    }

    @Override
    public Uni<Void> handle(EventEnvelope event) {
        return analyses.analyseNewIncident(event).replaceWithVoid();
    }
}
