package io.srecopilot.incidents.service;

import io.srecopilot.platform.domain.Severity;
import java.time.Instant;
import java.util.Map;

/** What an incident is opened with, by a person or from an alert group; {@code startedAt} null means now. */
public record NewIncident(String title, String description, String service, Severity severity, Instant startedAt,
        String source, Map<String, String> labels) {

    public NewIncident {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
