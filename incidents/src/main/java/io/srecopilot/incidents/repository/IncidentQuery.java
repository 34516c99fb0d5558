package io.srecopilot.incidents.repository;

import io.srecopilot.incidents.IncidentState;
import io.srecopilot.platform.rest.Cursor;
import java.util.UUID;

/** A page of one project's incidents, newest detected first, optionally in one state. */
public record IncidentQuery(UUID tenantId, UUID projectId, IncidentState state, Cursor after, int limit) {
}
