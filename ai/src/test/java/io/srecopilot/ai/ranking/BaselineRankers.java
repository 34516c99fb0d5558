package io.srecopilot.ai.ranking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The methods RCAEval compares against, run on the same cases: a random order; N-Sigma (per series
 * {@code (max after the start − mean before) / σ before}, σ 1 for a constant series, a service its
 * largest); and BARO's robust scorer (FSE 2024: {@code (x − median) / IQR} of the points before the
 * anomaly, here the alert's time, IQR 1 when 0, a service its largest). The product's e2e
 * benchmark runs BARO with its change-point detection too.
 */
final class BaselineRankers {

    private BaselineRankers() {
    }

    static List<String> random(FaultCase fault, Random random) {
        List<String> order = new ArrayList<>(fault.services());
        Collections.shuffle(order, random);
        return order;
    }

    static List<String> nSigma(FaultCase fault) {
        return byLargest(fault, (before, after) -> {
            double mean = Arrays.stream(before).average().orElse(0);
            double variance = Arrays.stream(before).map(value -> (value - mean) * (value - mean)).average().orElse(0);
            double sigma = Math.sqrt(variance) <= 1e-9 * Math.max(1, Math.abs(mean)) ? 1 : Math.sqrt(variance);
            return (Arrays.stream(after).max().orElse(mean) - mean) / sigma;
        });
    }

    static List<String> baro(FaultCase fault) {
        return byLargest(fault, (before, after) -> {
            double[] sorted = before.clone();
            Arrays.sort(sorted);
            double median = quantile(sorted, 0.5);
            double iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25);
            return (Arrays.stream(after).max().orElse(median) - median) / (iqr == 0 ? 1 : iqr);
        });
    }

    static List<String> ours(FaultCase fault) {
        return new RootCauseRanker().judge(fault.incidentStart(), fault.series(), fault.graph(), fault.changes())
                .suspicions().stream().map(ServiceSuspicion::service).toList();
    }

    private interface SeriesScore {
        double of(double[] before, double[] after);
    }

    private static List<String> byLargest(FaultCase fault, SeriesScore score) {
        double start = fault.incidentStart().getEpochSecond();
        Map<String, Double> scores = new HashMap<>();
        for (MetricSeries series : fault.series()) {
            double[] before = series.points().stream().filter(point -> point[0] < start).mapToDouble(point -> point[1])
                    .toArray();
            double[] after = series.points().stream().filter(point -> point[0] >= start)
                    .mapToDouble(point -> point[1]).toArray();
            if (before.length > 0 && after.length > 0) {
                scores.merge(series.service(), score.of(before, after), Math::max);
            }
        }
        return scores.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    /** Linear interpolation between order statistics, as numpy's default. */
    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(sorted.length - 1, low + 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }
}
