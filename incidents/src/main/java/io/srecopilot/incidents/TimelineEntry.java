package io.srecopilot.incidents;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.rest.Timestamps;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One thing that happened to an incident: who, when, what and why. */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry extends PanacheEntityBase {

    public static final String CREATED = "created";
    public static final String TRANSITION = "transition";

    @Id
    public UUID id;
    public UUID incidentId;
    public UUID tenantId;
    public UUID projectId;
    public String kind;
    public String actorType;
    public String actorId;
    @Enumerated(EnumType.STRING)
    public IncidentState fromState;
    @Enumerated(EnumType.STRING)
    public IncidentState toState;
    public String message;
    public Instant occurredAt;

    public static TimelineEntry created(Incident incident, Actor actor, String message) {
        return entry(incident, CREATED, actor, null, incident.state, message, incident.createdAt);
    }

    public static TimelineEntry transition(Incident incident, Actor actor, IncidentState from, String reason) {
        return entry(incident, TRANSITION, actor, from, incident.state, reason, incident.updatedAt);
    }

    private static TimelineEntry entry(Incident incident, String kind, Actor actor, IncidentState from,
            IncidentState to, String message, Instant at) {
        TimelineEntry entry = new TimelineEntry();
        entry.id = UUID.randomUUID();
        entry.incidentId = incident.id;
        entry.tenantId = incident.tenantId;
        entry.projectId = incident.projectId;
        entry.kind = kind;
        entry.actorType = actor.type().value();
        entry.actorId = actor.id();
        entry.fromState = from;
        entry.toState = to;
        entry.message = message;
        entry.occurredAt = Timestamps.of(at);
        return entry;
    }
}
