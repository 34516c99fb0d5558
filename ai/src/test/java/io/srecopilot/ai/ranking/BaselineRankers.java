package io.srecopilot.ai.ranking;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The two simple methods RCAEval compares against: a random order, and N-Sigma. */
final class BaselineRankers {

    private BaselineRankers() {
    }

    static List<String> random(FaultCase fault, Random random) {
        List<String> order = new ArrayList<>(fault.services());
        Collections.shuffle(order, random);
        return order;
    }

    /**
     * N-Sigma: each point's distance from the mean of the series before the window, in standard
     * deviations; a service scores its largest, over all its series and points.
     */
    static List<String> nSigma(FaultCase fault) {
        double windowStart = fault.incidentStart().minus(RootCauseRanker.LOOKBACK).getEpochSecond();
        Map<String, Double> scores = new HashMap<>();
        for (MetricSeries series : fault.series()) {
            double sum = 0, squares = 0;
            int n = 0;
            for (double[] point : series.points()) {
                if (point[0] < windowStart) {
                    sum += point[1];
                    squares += point[1] * point[1];
                    n++;
                }
            }
            double mean = sum / n;
            double sigma = Math.max(1e-9, Math.sqrt(Math.max(0, squares / n - mean * mean)));
            double worst = series.points().stream().filter(point -> point[0] >= windowStart)
                    .mapToDouble(point -> Math.abs(point[1] - mean) / sigma).max().orElse(0);
            scores.merge(series.service(), worst, Math::max);
        }
        return scores.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    static List<String> ours(FaultCase fault) {
        return new RootCauseRanker().rank(fault.incidentStart(), fault.series(), fault.changes()).stream()
                .map(ServiceSuspicion::service).toList();
    }
}
