package io.srecopilot.incidents.service;

import io.srecopilot.platform.domain.Severity;
import java.time.Instant;
import java.util.UUID;

/** What an incident is opened with, by a person or from an alert group. */
public record NewIncident(String title, String description, String service, Severity severity, Instant startedAt,
        String source, UUID alertGroupId) {
}
