package io.srecopilot.ai.context;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The part of ingest's context answer that analyses use; other fields are ignored. */
public record IngestContextView(List<Series> series, List<Change> changes, List<SeriesError> errors,
        Topology topology) {

    public IngestContextView {
        series = series == null ? List.of() : series;
        changes = changes == null ? List.of() : changes;
        errors = errors == null ? List.of() : errors;
        topology = topology == null ? new Topology(List.of()) : topology;
    }

    /**
     * One series of a query template, points {@code [epochSeconds, value]}; {@code kind} is what the
     * template says it measures, null when it does not say.
     */
    public record Series(UUID templateId, String template, String query, String service, Map<String, String> labels,
            String unit, String kind, long stepSeconds, List<double[]> points) {
    }

    /** Who calls whom: edges declared by people and inferred from service-graph metrics. */
    public record Topology(List<Edge> edges) {

        public Topology {
            edges = edges == null ? List.of() : edges;
        }
    }

    /** {@code source}: "declared", or "inferred" (with the template it was read from). */
    public record Edge(String caller, String callee, String source, String template) {
    }

    public record Change(UUID id, String service, String version, String commit, String description, String url,
            Instant deployedAt) {
    }

    public record SeriesError(UUID templateId, String template, String error) {
    }
}
