package io.srecopilot.ai.ranking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/** Constructed series for the ranking's tests: one point a minute, minute 0 being the incident's start. */
final class Series {

    static final Instant INCIDENT = Instant.parse("2026-11-30T10:00:00Z");

    private Series() {
    }

    /** Points from minute {@code from} to {@code to} (exclusive) relative to the incident's start. */
    static MetricSeries of(String service, String metric, MetricKind kind, int from, int to,
            IntToDoubleFunction valueAtMinute) {
        List<double[]> points = new ArrayList<>();
        for (int minute = from; minute < to; minute++) {
            double value = valueAtMinute.applyAsDouble(minute);
            if (!Double.isNaN(value)) {
                points.add(new double[] { at(minute).getEpochSecond(), value });
            }
        }
        return new MetricSeries(service, metric, kind, points);
    }

    /** Ninety minutes of history and twenty after the start. */
    static MetricSeries of(String service, String metric, MetricKind kind, IntToDoubleFunction valueAtMinute) {
        return of(service, metric, kind, -90, 20, valueAtMinute);
    }

    /** Deterministic noise of a few percent around 100. */
    static double around100(int minute) {
        return 100 + 3 * Math.sin(minute * 1.7) + 2 * Math.cos(minute * 0.9);
    }

    static Instant at(int minute) {
        return INCIDENT.plusSeconds(60L * minute);
    }
}
