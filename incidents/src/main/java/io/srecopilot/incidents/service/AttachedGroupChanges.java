package io.srecopilot.incidents.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.srecopilot.incidents.Incident;
import io.srecopilot.incidents.IncidentAlertGroup;
import io.srecopilot.incidents.IncidentSignal;
import io.srecopilot.incidents.IncidentState;
import io.srecopilot.incidents.settings.ProjectSettings;
import io.srecopilot.incidents.TimelineEntry;
import io.srecopilot.incidents.repository.AlertGroupLinkRepository;
import io.srecopilot.incidents.repository.IncidentRepository;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.rest.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** What happens to an incident when one of its alert groups fires again, gains alerts, or resolves. */
@ApplicationScoped
public class AttachedGroupChanges {

    private static final Actor CORRELATION = SystemActors.CORRELATION;

    private final IncidentRepository incidents;
    private final AlertGroupLinkRepository links;
    private final AlertGroupAttacher attacher;
    private final IncidentLifecycle lifecycle;
    private final IncidentEvents events;

    public AttachedGroupChanges(IncidentRepository incidents, AlertGroupLinkRepository links,
            AlertGroupAttacher attacher, IncidentLifecycle lifecycle, IncidentEvents events) {
        this.incidents = incidents;
        this.links = links;
        this.attacher = attacher;
        this.lifecycle = lifecycle;
        this.events = events;
    }

    /**
     * The group fires (again) for its open incident. Only news is recorded: a group that was
     * resolved, or alerts the incident did not have; a redelivered notification changes nothing.
     */
    public Uni<Void> refire(Incident incident, IncidentAlertGroup link, List<IncidentSignal> signals, Instant now) {
        boolean wasResolved = IncidentAlertGroup.RESOLVED.equals(link.status);
        link.status = IncidentAlertGroup.FIRING;
        link.resolvedAt = null;
        return attacher.saveSignals(incident, signals, now).chain(added -> {
            if (!wasResolved && added == 0) {
                return Uni.createFrom().voidItem();
            }
            ObjectNode changes = JsonNodeFactory.instance.objectNode();
            changes.putObject("alertGroupFiring").put("alertGroupId", link.alertGroupId.toString())
                    .put("newSignals", added);
            AlertGroupAttacher.escalate(incident, signals, changes);
            incident.lastSignalAt = now;
            incident.updatedAt = now;
            String message = wasResolved ? "Alert group firing again" : "Alert group reported " + added + " more alert"
                    + (added == 1 ? "" : "s");
            return lifecycle.flush(incident)
                    .call(() -> TimelineEntry.of(incident, TimelineEntry.SIGNALS_ATTACHED, CORRELATION, message,
                            changes.deepCopy()).persist())
                    .call(() -> announce(incident, changes));
        });
    }

    /**
     * The group resolved: the link says so, and when it was the incident's last firing group and
     * the project resolves incidents with their alerts, the incident resolves.
     */
    public Uni<Void> resolve(IncidentAlertGroup link, List<IncidentSignal> signals, ProjectSettings settings) {
        if (IncidentAlertGroup.RESOLVED.equals(link.status)) {
            return Uni.createFrom().voidItem();
        }
        Instant now = Timestamps.now();
        link.status = IncidentAlertGroup.RESOLVED;
        link.resolvedAt = now;
        return incidents.findById(link.incidentId).chain(incident -> attacher.saveSignals(incident, signals, now)
                .call(() -> TimelineEntry.of(incident, TimelineEntry.ALERT_GROUP_RESOLVED, CORRELATION,
                        "Alert group resolved", JsonNodeFactory.instance.objectNode()
                                .put("alertGroupId", link.alertGroupId.toString())).persist())
                .call(() -> announce(incident, JsonNodeFactory.instance.objectNode().set("alertGroupResolved",
                        JsonNodeFactory.instance.objectNode().put("alertGroupId", link.alertGroupId.toString()))))
                .chain(() -> settings.autoResolve && incident.state.isOpen() ? resolveIfAllGroupsResolved(incident)
                        : Uni.createFrom().voidItem()));
    }

    private Uni<Void> resolveIfAllGroupsResolved(Incident incident) {
        return links.ofIncident(incident.id).chain(groups -> {
            if (groups.stream().anyMatch(group -> IncidentAlertGroup.FIRING.equals(group.status))) {
                return Uni.createFrom().voidItem();
            }
            String reason = groups.size() == 1 ? "Its alert group resolved"
                    : "All " + groups.size() + " of its alert groups resolved";
            return lifecycle.move(incident, IncidentState.RESOLVED, CORRELATION, reason).replaceWithVoid();
        });
    }

    private Uni<Void> announce(Incident incident, ObjectNode changes) {
        return events.updated(incident, changes, CORRELATION);
    }
}
