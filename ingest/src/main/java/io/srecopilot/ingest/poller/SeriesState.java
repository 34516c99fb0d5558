package io.srecopilot.ingest.poller;

import java.time.Instant;
import java.util.Map;

/** Where one series of a template stands: its baseline, its latest point, and its open signal. */
public record SeriesState(String seriesKey, Map<String, String> labels, Baseline baseline, Instant baselineAt,
        Double lastValue, Double lastScore, Instant lastAt, Instant onsetAt, Instant firingSince) {
}
