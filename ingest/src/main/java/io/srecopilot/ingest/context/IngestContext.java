package io.srecopilot.ingest.context;

import io.srecopilot.ingest.change.ChangeView;
import io.srecopilot.ingest.rest.SignalView;
import io.srecopilot.ingest.topology.TopologyEdge;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What ingest knows about a project's services over a time range, for analyses: signals, changes,
 * metric series with anomaly scores and onsets, and who calls whom ({@code topology}: edges declared
 * and inferred over the range). {@code errors} names templates whose Prometheus could not be asked,
 * rather than failing the whole answer.
 */
public record IngestContext(UUID tenantId, UUID projectId, Instant from, Instant to, List<String> services,
        List<SignalView> signals, List<ChangeView> changes, List<SeriesContext> series, List<SeriesError> errors,
        Topology topology) {

    public record SeriesError(UUID templateId, String template, String error) {
    }

    public record Topology(List<TopologyEdge> edges) {
    }
}
