package io.srecopilot.ai.ranking;

import java.util.List;

/**
 * One series of one service, as the ingest context API returns it: points of
 * {@code [epochSeconds, value]} in time order, named by its query template ({@code metric}), with
 * what that template measures ({@code kind}).
 */
public record MetricSeries(String service, String metric, MetricKind kind, List<double[]> points) {

    public MetricSeries {
        kind = kind == null ? MetricKind.infer(metric) : kind;
        points = List.copyOf(points);
    }

    /** A series whose kind is read from its metric's name. */
    public MetricSeries(String service, String metric, List<double[]> points) {
        this(service, metric, null, points);
    }
}
