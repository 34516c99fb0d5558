package io.srecopilot.incidents;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.ResourceRef;
import io.srecopilot.platform.events.catalog.AnalysisFinished;
import io.srecopilot.platform.events.catalog.EventTypes;
import io.srecopilot.platform.events.catalog.PolicyDecided;
import io.srecopilot.platform.testing.TestCaller;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Builds ai's {@code policy.decided} and {@code analysis.completed} from the catalogue's records, as ai writes them. */
public final class AiEvents {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AiEvents() {
    }

    /** An enforced decision of a policy on the incident; {@code targetState}, severity, channel as the action needs. */
    public static EventEnvelope decided(TestCaller project, String incidentId, String policyName, String action,
            String targetState, String mode, String severity, String channel) {
        PolicyDecided decision = new PolicyDecided(UUID.randomUUID(), policyName, UUID.fromString(incidentId), action,
                targetState, mode, "confidence 0.91 with a precedent", new BigDecimal("0.91"), severity, channel);
        return event(project, EventTypes.POLICY_DECIDED, incidentId, decision);
    }

    /** A completed analysis whose first-ranked hypothesis blames {@code suspect}. */
    public static EventEnvelope completed(TestCaller project, String incidentId, String claim, String suspect,
            String confidence) {
        AnalysisFinished analysis = new AnalysisFinished(UUID.randomUUID(), UUID.fromString(incidentId), "completed",
                false, null, List.of(new AnalysisFinished.Hypothesis(UUID.randomUUID(), 1, claim, suspect,
                        new BigDecimal(confidence))));
        return event(project, EventTypes.ANALYSIS_COMPLETED, incidentId, analysis);
    }

    private static EventEnvelope event(TestCaller project, String type, String incidentId, Record data) {
        return EventEnvelope.create(type, project.tenantId(), project.projectId(), Actor.system("ai"),
                new ResourceRef("incident", incidentId), MAPPER.valueToTree(data));
    }
}
