package io.srecopilot.ai.precedent;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.srecopilot.ai.Hypothesis;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.stream.PerResourceEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps every incident that reaches LEARNED, with its postmortem, as a precedent for new ones,
 * filed under the root cause's service: the suspect of the hypothesis the postmortem confirmed, or
 * the incident's own service when it confirmed none. A redelivered or repeated LEARNED replaces the
 * stored precedent with the latest postmortem.
 */
@ApplicationScoped
public class PrecedentRecorder implements PerResourceEventHandler {

    static final String LEARNED = "LEARNED";

    @Override
    public boolean accepts(String eventType) {
        return "incident.transitioned".equals(eventType);
    }

    @Override
    public Uni<Void> handle(EventEnvelope event) {
        JsonNode data = event.data();
        if (!LEARNED.equals(data.path("to").asText()) || !data.hasNonNull("postmortem")) {
            return Uni.createFrom().voidItem();
        }
        JsonNode incident = data.path("incident");
        JsonNode postmortem = data.path("postmortem");
        UUID incidentId = UUID.fromString(incident.path("id").asText());
        return confirmedService(event, postmortem).chain(faulty -> Precedent.<Precedent>findById(incidentId)
                .chain(existing -> keep(existing != null ? existing : new Precedent(), event, incident, postmortem,
                        faulty)));
    }

    private static Uni<Void> keep(Precedent precedent, EventEnvelope event, JsonNode incident, JsonNode postmortem,
            String faulty) {
        precedent.incidentId = UUID.fromString(incident.path("id").asText());
        precedent.tenantId = event.tenantId();
        precedent.projectId = event.projectId();
        precedent.reference = incident.path("reference").asText("INC-" + incident.path("number").asText());
        precedent.title = incident.path("title").asText();
        // Filed under the service the postmortem found at fault, not the one the alerts were on.
        precedent.service = faulty != null ? faulty : text(incident, "service");
        String rootCause = text(postmortem, "rootCause");
        String summary = text(postmortem, "summary");
        String claim = text(postmortem.path("confirmedHypothesis"), "claim");
        Map<String, String> labels = labels(incident.path("labels"));
        precedent.details = new PrecedentDetails(labels, rootCause, summary, claim,
                Words.of(precedent.title, rootCause, summary, claim));
        precedent.mttrSeconds = mttr(incident);
        precedent.learnedAt = event.occurredAt();
        return precedent.persist().replaceWithVoid();
    }

    /** The suspect service of the hypothesis the postmortem confirmed, when it is one of this project's. */
    private static Uni<String> confirmedService(EventEnvelope event, JsonNode postmortem) {
        String id = text(postmortem.path("confirmedHypothesis"), "id");
        if (id == null) {
            return Uni.createFrom().nullItem();
        }
        UUID hypothesisId;
        try {
            hypothesisId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().nullItem();
        }
        return Hypothesis.<Hypothesis>find("id = ?1 and tenantId = ?2 and projectId = ?3", hypothesisId,
                event.tenantId(), event.projectId()).firstResult()
                .map(hypothesis -> hypothesis == null ? null : hypothesis.suspectService);
    }

    private static Long mttr(JsonNode incident) {
        Instant started = instant(incident, "startedAt");
        Instant resolved = instant(incident, "resolvedAt");
        return started == null || resolved == null ? null : Duration.between(started, resolved).toSeconds();
    }

    private static Instant instant(JsonNode node, String field) {
        String text = text(node, field);
        return text == null ? null : Instant.parse(text);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> labels.put(entry.getKey(), entry.getValue().asText()));
        return labels;
    }
}
