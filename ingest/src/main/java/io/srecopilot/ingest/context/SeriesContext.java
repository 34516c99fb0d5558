package io.srecopilot.ingest.context;

import io.srecopilot.ingest.poller.Baseline;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One series of a query template over the asked range, downsampled, judged against its learned
 * baseline: the highest |z|, and the onset (the first point that violated the template's detection).
 */
public record SeriesContext(UUID templateId, String template, String query, UUID integrationId, String service,
        Map<String, String> labels, String unit, long stepSeconds, List<double[]> points, Baseline baseline,
        Double maxAbsScore, boolean anomalous, Instant onsetAt) {
}
