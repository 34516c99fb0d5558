package io.srecopilot.ai.precedent;

import io.smallrye.mutiny.Uni;
import io.srecopilot.ai.Hypothesis;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.catalog.EventTypes;
import io.srecopilot.platform.events.catalog.IncidentSummary;
import io.srecopilot.platform.events.catalog.IncidentTransitioned;
import io.srecopilot.platform.stream.PerResourceEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.LinkedHashMap;

/**
 * Keeps every incident that reaches LEARNED, with its postmortem, as a precedent for new ones,
 * filed under the root cause's service: the suspect of the hypothesis the postmortem confirmed, or
 * the incident's own service when it confirmed none. A redelivered or repeated LEARNED replaces the
 * stored precedent with the latest postmortem.
 */
@ApplicationScoped
public class PrecedentRecorder implements PerResourceEventHandler {

    private final EventCodec codec;

    public PrecedentRecorder(EventCodec codec) {
        this.codec = codec;
    }

    @Override
    public boolean accepts(String eventType) {
        return EventTypes.INCIDENT_TRANSITIONED.equals(eventType);
    }

    @Override
    public Uni<Void> handle(EventEnvelope event) {
        IncidentTransitioned moved = codec.fromData(event.data(), IncidentTransitioned.class);
        if (!moved.learned()) {
            return Uni.createFrom().voidItem();
        }
        IncidentSummary incident = moved.incident();
        return confirmedService(event, moved.postmortem()).chain(faulty -> Precedent.<Precedent>findById(incident.id())
                .chain(existing -> keep(existing != null ? existing : new Precedent(), event, incident,
                        moved.postmortem(), faulty)));
    }

    private static Uni<Void> keep(Precedent precedent, EventEnvelope event, IncidentSummary incident,
            IncidentTransitioned.Postmortem postmortem, String faulty) {
        precedent.incidentId = incident.id();
        precedent.tenantId = event.tenantId();
        precedent.projectId = event.projectId();
        precedent.reference = incident.reference() != null ? incident.reference() : "INC-" + incident.number();
        precedent.title = incident.title();
        // Filed under the service the postmortem found at fault, not the one the alerts were on.
        precedent.service = faulty != null ? faulty : blankAsNull(incident.service());
        String rootCause = blankAsNull(postmortem.rootCause());
        String summary = blankAsNull(postmortem.summary());
        String claim = postmortem.confirmedHypothesis() == null ? null
                : blankAsNull(postmortem.confirmedHypothesis().claim());
        precedent.details = new PrecedentDetails(new LinkedHashMap<>(incident.labels()), rootCause, summary, claim,
                Words.of(precedent.title, rootCause, summary, claim));
        precedent.mttrSeconds = incident.startedAt() == null || incident.resolvedAt() == null ? null
                : Duration.between(incident.startedAt(), incident.resolvedAt()).toSeconds();
        precedent.learnedAt = event.occurredAt();
        return precedent.persist().replaceWithVoid();
    }

    /** The suspect service of the hypothesis the postmortem confirmed, when it is one of this project's. */
    private static Uni<String> confirmedService(EventEnvelope event, IncidentTransitioned.Postmortem postmortem) {
        if (postmortem.confirmedHypothesis() == null || postmortem.confirmedHypothesis().id() == null) {
            return Uni.createFrom().nullItem();
        }
        return Hypothesis.<Hypothesis>find("id = ?1 and tenantId = ?2 and projectId = ?3",
                postmortem.confirmedHypothesis().id(), event.tenantId(), event.projectId()).firstResult()
                .map(hypothesis -> hypothesis == null ? null : hypothesis.suspectService);
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
