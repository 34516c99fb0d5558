package io.srecopilot.incidents.notification;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.srecopilot.incidents.IncidentView;
import io.srecopilot.platform.domain.Severity;
import io.srecopilot.platform.events.catalog.EventTypes;
import java.util.List;
import java.util.Set;

/**
 * Which incident events a channel receives: those of incidents at least as bad as
 * {@code minSeverity}, of one of {@code services} (none listed: every service), of one of
 * {@code events}.
 */
@RegisterForReflection
public record Routing(Severity minSeverity, List<String> services, List<String> events) {

    public static final Set<String> EVENT_TYPES = Set.of(EventTypes.INCIDENT_CREATED, EventTypes.INCIDENT_TRANSITIONED,
            EventTypes.INCIDENT_UPDATED, EventTypes.INCIDENT_COMMENTED);
    public static final List<String> DEFAULT_EVENTS = List.of(EventTypes.INCIDENT_CREATED, EventTypes.INCIDENT_TRANSITIONED);

    public Routing {
        minSeverity = minSeverity == null ? Severity.INFO : minSeverity;
        services = services == null ? List.of() : List.copyOf(services);
        events = events == null || events.isEmpty() ? DEFAULT_EVENTS : List.copyOf(events);
    }

    public boolean accepts(String eventType, IncidentView incident) {
        boolean badEnough = !minSeverity.isWorseThan(incident.severity());
        return events.contains(eventType) && badEnough
                && (services.isEmpty() || services.contains(incident.service()));
    }
}
