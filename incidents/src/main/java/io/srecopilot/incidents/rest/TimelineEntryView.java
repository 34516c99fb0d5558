package io.srecopilot.incidents.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.srecopilot.incidents.IncidentState;
import io.srecopilot.incidents.TimelineEntry;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.ActorType;
import java.time.Instant;
import java.util.UUID;

/** One timeline entry; {@code data} holds the details of its kind (changes, attach reasons, results). */
public record TimelineEntryView(UUID id, String kind, Actor actor, IncidentState from, IncidentState to, String message,
        JsonNode data, Instant occurredAt) {

    static TimelineEntryView of(TimelineEntry entry) {
        return new TimelineEntryView(entry.id, entry.kind, new Actor(ActorType.of(entry.actorType), entry.actorId),
                entry.fromState, entry.toState, entry.message, entry.data, entry.occurredAt);
    }
}
