package io.srecopilot.ai.ranking;

import java.util.List;

/**
 * One metric of one service over time, as the ingest context API returns it: points of
 * {@code [epochSeconds, value]} in time order.
 */
public record MetricSeries(String service, String metric, List<double[]> points) {

    public MetricSeries {
        points = List.copyOf(points);
    }
}
