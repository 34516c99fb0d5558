package io.srecopilot.ingest.context;

import io.srecopilot.ingest.poller.Baseline;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One series of a query template over the asked range, judged against its learned baseline: the
 * highest |z|, and the onset (the first point that violated the template's detection). Near the
 * incident ({@code around}) the points are at the template's own interval ({@code stepSeconds}),
 * before that coarser. {@code kind} is what the template says it measures (null: it does not say);
 * {@code caller}, for templates of calls between services, the service that makes them.
 */
public record SeriesContext(UUID templateId, String template, String query, UUID integrationId, String service,
        String caller, Map<String, String> labels, String unit, String kind, long stepSeconds, List<double[]> points,
        Baseline baseline, Double maxAbsScore, boolean anomalous, Instant onsetAt) {
}
