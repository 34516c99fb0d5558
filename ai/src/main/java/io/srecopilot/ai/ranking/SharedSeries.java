package io.srecopilot.ai.ranking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Series of one metric that are point for point the same on several services are not any one
 * service's: they are a node's (or a shared dependency's) metrics joined to each pod on it. They
 * cannot tell those services apart, so the ranking leaves them out.
 */
final class SharedSeries {

    private SharedSeries() {
    }

    static List<MetricSeries> withoutShared(List<MetricSeries> series) {
        Map<List<Object>, Set<String>> servicesByShape = new HashMap<>();
        for (MetricSeries one : series) {
            servicesByShape.computeIfAbsent(shape(one), any -> new HashSet<>()).add(one.service());
        }
        List<MetricSeries> own = new ArrayList<>();
        for (MetricSeries one : series) {
            if (servicesByShape.get(shape(one)).size() == 1) {
                own.add(one);
            }
        }
        return own;
    }

    private static List<Object> shape(MetricSeries series) {
        List<Object> shape = new ArrayList<>(series.points().size() * 2 + 1);
        shape.add(series.metric());
        for (double[] point : series.points()) {
            shape.add(point[0]);
            shape.add(point[1]);
        }
        return shape;
    }
}
