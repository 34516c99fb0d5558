package io.srecopilot.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.rest.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One thing that happened to an incident: who, when, what and why. */
// Written once, never changed (the database refuses UPDATEs): no snapshot, no dirty check, and no
// UPDATE after the INSERT, which Hibernate issued because its JSON column never compared equal.
@Immutable
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry extends PanacheEntityBase {

    public static final String CREATED = "created";
    public static final String TRANSITION = "transition";
    public static final String UPDATED = "updated";
    public static final String COMMENT = "comment";
    public static final String ALERT_GROUP_ATTACHED = "alert_group_attached";
    public static final String ALERT_GROUP_RESOLVED = "alert_group_resolved";
    public static final String SIGNALS_ATTACHED = "signals_attached";
    public static final String ANALYSIS = "analysis";
    public static final String POLICY = "policy";
    public static final String POSTMORTEM = "postmortem";
    public static final String NOTIFICATION = "notification";

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
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public JsonNode data;
    public Instant occurredAt;
    /** Assigned by the database: orders entries written in the same instant. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    public static TimelineEntry of(Incident incident, String kind, Actor actor, String message, JsonNode data) {
        TimelineEntry entry = new TimelineEntry();
        entry.id = UUID.randomUUID();
        entry.incidentId = incident.id;
        entry.tenantId = incident.tenantId;
        entry.projectId = incident.projectId;
        entry.kind = kind;
        entry.actorType = actor.type().value();
        entry.actorId = actor.id();
        entry.message = message;
        entry.data = data == null ? JsonNodeFactory.instance.objectNode() : data;
        entry.occurredAt = Timestamps.now();
        return entry;
    }

    public static TimelineEntry transition(Incident incident, Actor actor, IncidentState from, String reason) {
        TimelineEntry entry = of(incident, TRANSITION, actor, reason, null);
        entry.fromState = from;
        entry.toState = incident.state;
        entry.occurredAt = Timestamps.of(incident.updatedAt);
        return entry;
    }
}
