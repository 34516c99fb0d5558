package io.srecopilot.incidents.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.srecopilot.incidents.IncidentAlertGroup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Which alert groups each incident stands for. */
@ApplicationScoped
public class AlertGroupLinkRepository implements PanacheRepositoryBase<IncidentAlertGroup, IncidentAlertGroup.Key> {

    /** The group's most recent link in the project, or null when no incident stands for it yet. */
    @WithSession
    public Uni<IncidentAlertGroup> latestFor(UUID projectId, UUID alertGroupId) {
        return find("projectId = ?1 and alertGroupId = ?2 order by attachedAt desc", projectId, alertGroupId)
                .firstResult();
    }

    @WithSession
    public Uni<List<IncidentAlertGroup>> ofIncident(UUID incidentId) {
        return list("incidentId = ?1 order by attachedAt, alertGroupId", incidentId);
    }

    /** The incident's group ids, in the order they were attached. */
    @WithSession
    public Uni<List<UUID>> groupIdsOf(UUID incidentId) {
        return ofIncident(incidentId).map(links -> links.stream().map(link -> link.alertGroupId).toList());
    }

    /** Group ids per incident, in the order they were attached; incidents without groups map to an empty list. */
    @WithSession
    public Uni<Map<UUID, List<UUID>>> groupIdsOf(Collection<UUID> incidentIds) {
        if (incidentIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return list("incidentId in ?1 order by attachedAt, alertGroupId", incidentIds).map(links -> {
            Map<UUID, List<UUID>> byIncident = new LinkedHashMap<>();
            incidentIds.forEach(id -> byIncident.put(id, new ArrayList<>()));
            links.forEach(link -> byIncident.get(link.incidentId).add(link.alertGroupId));
            return byIncident;
        });
    }
}
