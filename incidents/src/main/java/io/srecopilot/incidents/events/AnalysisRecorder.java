package io.srecopilot.incidents.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.srecopilot.incidents.TimelineEntry;
import io.srecopilot.incidents.repository.IncidentRepository;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.stream.PerResourceEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Puts each finished analysis on its incident's timeline: its verdict and its leading hypothesis. */
@ApplicationScoped
public class AnalysisRecorder implements PerResourceEventHandler {

    private static final Logger LOG = Logger.getLogger(AnalysisRecorder.class);

    private final IncidentRepository incidents;

    public AnalysisRecorder(IncidentRepository incidents) {
        this.incidents = incidents;
    }

    @Override
    public boolean accepts(String eventType) {
        return "analysis.completed".equals(eventType);
    }

    @Override
    public Uni<Void> handle(EventEnvelope event) {
        JsonNode analysis = event.data();
        UUID incidentId = UUID.fromString(analysis.path("incidentId").asText());
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

    private static String message(JsonNode analysis) {
        JsonNode top = analysis.path("hypotheses").path(0);
        if (analysis.path("inconclusive").asBoolean(false) || top.isMissingNode()) {
            return "Analysis inconclusive";
        }
        return "Analysis ranks first: " + top.path("claim").asText() + " (confidence "
                + top.path("confidence").asText() + ")";
    }

    private static ObjectNode summary(JsonNode analysis) {
        ObjectNode summary = JsonNodeFactory.instance.objectNode()
                .put("analysisId", analysis.path("id").asText())
                .put("inconclusive", analysis.path("inconclusive").asBoolean(false))
                .put("hypotheses", analysis.path("hypotheses").size());
        summary.set("missingData", analysis.path("missingData").isMissingNode() ? null : analysis.get("missingData"));
        JsonNode top = analysis.path("hypotheses").path(0);
        if (!top.isMissingNode()) {
            summary.putObject("top").put("id", top.path("id").asText()).put("claim", top.path("claim").asText())
                    .put("suspectService", top.path("suspectService").asText(null))
                    .put("confidence", top.path("confidence").decimalValue());
        }
        return summary;
    }
}
