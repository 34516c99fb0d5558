package io.srecopilot.platform.events.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code incident.updated}, from incidents to ai (shadow policies) and notifications.
 * {@code changes} says what changed: each edited field as {@code {"from": …, "to": …}}, or an
 * attached alert group as {@code {"alertGroupAttached": id}}.
 */
@RegisterForReflection
public record IncidentUpdated(IncidentSummary incident, JsonNode changes) {

    /** The value a field was changed to, or null when this update left it alone. */
    public String changedTo(String field) {
        JsonNode to = changes == null ? null : changes.path(field).path("to");
        return to == null || !to.isValueNode() ? null : to.asText();
    }
}
