package io.srecopilot.incidents.repository;

import io.srecopilot.incidents.IncidentState;
import io.srecopilot.platform.domain.Severity;
import io.srecopilot.platform.rest.Cursor;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A page of one project's incidents. Empty sets and null values filter nothing; {@code labels}
 * must all match; {@code text} searches title and description, or names an incident as
 * {@code INC-42}; {@code detectedFrom} is inclusive and {@code detectedTo} exclusive.
 */
public record IncidentQuery(UUID tenantId, UUID projectId, Set<IncidentState> states, Set<Severity> severities,
        String service, Map<String, String> labels, String text, Instant detectedFrom, Instant detectedTo,
        IncidentSort sort, Cursor after, int limit) {

    public IncidentQuery {
        states = states == null ? Set.of() : Set.copyOf(states);
        severities = severities == null ? Set.of() : Set.copyOf(severities);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        sort = sort == null ? IncidentSort.NEWEST_DETECTED : sort;
    }
}
