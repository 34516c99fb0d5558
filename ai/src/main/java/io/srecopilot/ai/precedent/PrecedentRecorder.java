package io.srecopilot.ai.precedent;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.stream.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps every incident that reaches LEARNED, with its postmortem, as a precedent for new ones.
 * A redelivered or repeated LEARNED replaces the stored precedent with the latest postmortem.
 */
@ApplicationScoped
public class PrecedentRecorder implements EventHandler {

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
        return Precedent.<Precedent>findById(incidentId).chain(existing -> {
            Precedent precedent = existing != null ? existing : new Precedent();
            precedent.incidentId = incidentId;
            precedent.tenantId = event.tenantId();
            precedent.projectId = event.projectId();
            precedent.reference = incident.path("reference").asText("INC-" + incident.path("number").asText());
            precedent.title = incident.path("title").asText();
            precedent.service = text(incident, "service");
            String rootCause = text(postmortem, "rootCause");
            String summary = text(postmortem, "summary");
            String claim = text(postmortem.path("confirmedHypothesis"), "claim");
            Map<String, String> labels = labels(incident.path("labels"));
            precedent.details = new PrecedentDetails(labels, rootCause, summary, claim,
                    Words.of(precedent.title, rootCause, summary, claim));
            precedent.mttrSeconds = mttr(incident);
            precedent.learnedAt = event.occurredAt();
            return precedent.persist().replaceWithVoid();
        });
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
