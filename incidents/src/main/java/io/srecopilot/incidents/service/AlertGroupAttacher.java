package io.srecopilot.incidents.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.srecopilot.incidents.Incident;
import io.srecopilot.incidents.IncidentAlertGroup;
import io.srecopilot.incidents.IncidentSignal;
import io.srecopilot.incidents.TimelineEntry;
import io.srecopilot.incidents.repository.AlertGroupLinkRepository;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.rest.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Links alert groups and their alerts to incidents, saying on the timeline why. */
@ApplicationScoped
public class AlertGroupAttacher {

    private final AlertGroupLinkRepository links;
    private final IncidentLifecycle lifecycle;
    private final IncidentEvents events;

    public AlertGroupAttacher(AlertGroupLinkRepository links, IncidentLifecycle lifecycle, IncidentEvents events) {
        this.links = links;
        this.lifecycle = lifecycle;
        this.events = events;
    }

    /**
     * Attaches a further alert group to an existing incident: the incident's correlation window
     * restarts, its severity rises to the worst alert's, and {@code incident.updated} says so.
     */
    public Uni<Incident> attach(Incident incident, AlertAttachment attachment, Actor actor) {
        ObjectNode changes = JsonNodeFactory.instance.objectNode();
        changes.putObject("alertGroupAttached").put("alertGroupId", attachment.alertGroupId().toString())
                .set("reason", attachment.reason());
        escalate(incident, attachment.signals(), changes);
        incident.lastSignalAt = Timestamps.now();
        incident.updatedAt = incident.lastSignalAt;
        return lifecycle.flush(incident)
                .call(() -> persist(incident, attachment, actor))
                .call(() -> events.updated(incident, changes, actor))
                .replaceWith(incident);
    }

    /** Writes the link, the alerts and the timeline entry of an attachment. */
    Uni<Void> persist(Incident incident, AlertAttachment attachment, Actor actor) {
        IncidentAlertGroup link = new IncidentAlertGroup();
        link.incidentId = incident.id;
        link.alertGroupId = attachment.alertGroupId();
        link.tenantId = incident.tenantId;
        link.projectId = incident.projectId;
        link.service = attachment.service();
        link.status = IncidentAlertGroup.FIRING;
        link.attachedAt = Timestamps.now();
        link.reason = attachment.reason();
        ObjectNode data = JsonNodeFactory.instance.objectNode()
                .put("alertGroupId", attachment.alertGroupId().toString())
                .put("signals", attachment.signals().size());
        data.set("reason", attachment.reason());
        return links.persist(link)
                .call(() -> saveSignals(incident, attachment.signals(), link.attachedAt))
                .call(() -> TimelineEntry.of(incident, TimelineEntry.ALERT_GROUP_ATTACHED, actor,
                        attachedMessage(attachment), data).persist())
                .replaceWithVoid();
    }

    /**
     * Records alerts an attached group reported: new ones are added, known ones take their new
     * status. Answers how many were new.
     */
    public Uni<Integer> saveSignals(Incident incident, List<IncidentSignal> signals, Instant at) {
        if (signals.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<UUID> ids = signals.stream().map(signal -> signal.signalId).toList();
        return IncidentSignal.<IncidentSignal>list("incidentId = ?1 and signalId in ?2", incident.id, ids)
                .chain(existing -> {
                    Map<UUID, IncidentSignal> known = existing.stream()
                            .collect(Collectors.toMap(signal -> signal.signalId, Function.identity()));
                    List<IncidentSignal> added = signals.stream().filter(signal -> !known.containsKey(signal.signalId))
                            .peek(signal -> {
                                signal.incidentId = incident.id;
                                signal.attachedAt = at;
                            }).toList();
                    signals.stream().filter(signal -> known.containsKey(signal.signalId))
                            .forEach(signal -> known.get(signal.signalId).status = signal.status);
                    return (added.isEmpty() ? Uni.createFrom().voidItem() : IncidentSignal.persist(added))
                            .replaceWith(added.size());
                });
    }

    /** A worse alert makes the incident worse; alerts never lower what someone set. */
    static void escalate(Incident incident, List<IncidentSignal> signals, ObjectNode changes) {
        signals.stream().map(signal -> signal.severity).filter(severity -> severity != null)
                .min(Enum::compareTo)
                .filter(worst -> worst.isWorseThan(incident.severity))
                .ifPresent(worst -> {
                    changes.putObject("severity").put("from", incident.severity.value()).put("to", worst.value());
                    incident.severity = worst;
                });
    }

    private static String attachedMessage(AlertAttachment attachment) {
        String rule = attachment.reason().path("rule").asText("");
        return "Alert group attached (" + rule + ") with " + attachment.signals().size() + " alert"
                + (attachment.signals().size() == 1 ? "" : "s");
    }
}
