package io.srecopilot.incidents.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.srecopilot.incidents.IncidentSignal;
import io.srecopilot.incidents.TimelineEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TimelineRepository implements PanacheRepositoryBase<TimelineEntry, UUID> {

    @WithSession
    public Uni<List<TimelineEntry>> forIncident(UUID incidentId) {
        return list("incidentId = ?1 order by occurredAt, seq", incidentId);
    }

    @WithSession
    public Uni<List<IncidentSignal>> signalsOf(UUID incidentId) {
        return IncidentSignal.list("incidentId = ?1 order by startsAt, signalId", incidentId);
    }
}
