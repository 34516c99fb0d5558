package io.srecopilot.incidents.stats;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's figures. {@code open} counts the incidents open now; {@code detected} those
 * detected in [from, to). MTTA runs from detection to the first acknowledgement, MTTR from
 * detection to resolution, over the incidents detected in the window that got there; durations
 * are in seconds, medians and 90th percentiles interpolated (PostgreSQL's percentile_cont).
 */
public record IncidentStats(Instant from, Instant to, String bucket, Counts open, Counts detected, Durations mtta,
        Durations mttr) {

    public record Counts(long total, Map<String, Long> byState, Map<String, Long> bySeverity) {
    }

    public record Durations(Figure overall, List<ServiceFigure> byService, List<BucketFigure> overTime) {
    }

    /** Median and p90 in seconds of {@code count} incidents; null figures when there are none. */
    public record Figure(long count, Double medianSeconds, Double p90Seconds) {
    }

    public record ServiceFigure(String service, long count, Double medianSeconds, Double p90Seconds) {
    }

    public record BucketFigure(Instant start, long count, Double medianSeconds, Double p90Seconds) {
    }
}
