package io.srecopilot.incidents.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.srecopilot.incidents.TimelineEntry;
import io.srecopilot.incidents.repository.IncidentRepository;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.catalog.AnalysisFinished;
import io.srecopilot.platform.events.catalog.EventTypes;
import io.srecopilot.platform.stream.PerResourceEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Puts each finished analysis on its incident's timeline: its verdict and its leading hypothesis. */
@ApplicationScoped
public class AnalysisRecorder implements PerResourceEventHandler {

    private static final Logger LOG = Logger.getLogger(AnalysisRecorder.class);

    private final IncidentRepository incidents;
    private final EventCodec codec;

    public AnalysisRecorder(IncidentRepository incidents, EventCodec codec) {
        this.incidents = incidents;
        this.codec = codec;
    }

    @Override
    public boolean accepts(String eventType) {
        return EventTypes.ANALYSIS_COMPLETED.equals(eventType);
    }

    @Override
    public Uni<Void> handle(EventEnvelope event) {
        AnalysisFinished analysis = codec.fromData(event.data(), AnalysisFinished.class);
        UUID incidentId = analysis.incidentId();
        return incidents.findInProject(event.tenantId(), event.projectId(), incidentId).chain(incident -> {
            if (incident == null) {
                LOG.warnf("analysis.completed %s names incident %s, which project %s does not have", event.id(),
                        incidentId, event.projectId());
                return Uni.createFrom().voidItem();
            }
            return TimelineEntry.of(incident, TimelineEntry.ANALYSIS, event.actor(), message(analysis), summary(analysis))
                    .persist().replaceWithVoid();
        });
    }

    private static String message(AnalysisFinished analysis) {
        AnalysisFinished.Hypothesis top = analysis.top();
        if (analysis.inconclusive() || top == null) {
            return "Analysis inconclusive";
        }
        return "Analysis ranks first: " + top.claim() + " (confidence " + top.confidence() + ")";
    }

    private static ObjectNode summary(AnalysisFinished analysis) {
        ObjectNode summary = JsonNodeFactory.instance.objectNode()
                .put("analysisId", Objects.toString(analysis.id(), null))
                .put("inconclusive", analysis.inconclusive())
                .put("hypotheses", analysis.hypotheses().size());
        summary.set("missingData", analysis.missingData());
        AnalysisFinished.Hypothesis top = analysis.top();
        if (top != null) {
            summary.putObject("top").put("id", Objects.toString(top.id(), null)).put("claim", top.claim())
                    .put("suspectService", top.suspectService())
                    .put("confidence", top.confidence());
        }
        return summary;
    }
}
