package io.srecopilot.ai.context;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The part of ingest's context answer that analyses use; other fields are ignored. */
public record IngestContextView(List<Series> series, List<Change> changes, List<SeriesError> errors) {

    public IngestContextView {
        series = series == null ? List.of() : series;
        changes = changes == null ? List.of() : changes;
        errors = errors == null ? List.of() : errors;
    }

    /** One series of a query template, points {@code [epochSeconds, value]}. */
    public record Series(UUID templateId, String template, String query, String service, Map<String, String> labels,
            String unit, long stepSeconds, List<double[]> points) {
    }

    public record Change(UUID id, String service, String version, String commit, String description, String url,
            Instant deployedAt) {
    }

    public record SeriesError(UUID templateId, String template, String error) {
    }
}
