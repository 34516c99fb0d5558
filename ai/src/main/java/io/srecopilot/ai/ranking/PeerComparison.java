package io.srecopilot.ai.ranking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares each service's departure of a metric with the same metric's departures on the other
 * services at the same time: a robust z across services, {@code (strength − median) / (1.4826 · MAD)}
 * with the spread at least 1 σ. A metric that jumps on
 * every service at once (latency quantiles of sparse histograms, which leap between buckets) then
 * does not outrank one that departed on one service only. A metric on fewer than
 * {@value #MIN_PEERS} services is compared with every metric's departures instead, having no peers of
 * its own; with fewer than that in all, with a normal series (0 ± 1 σ).
 */
final class PeerComparison {

    static final int MIN_PEERS = 3;

    private final Map<String, double[]> references;

    private PeerComparison(Map<String, double[]> references) {
        this.references = references;
    }

    static PeerComparison of(List<MetricEvidence> evidence) {
        Map<String, List<Double>> byMetric = new HashMap<>();
        List<Double> all = new ArrayList<>();
        for (MetricEvidence one : evidence) {
            if (Double.isFinite(one.strength())) {
                byMetric.computeIfAbsent(one.metric(), any -> new ArrayList<>()).add(one.strength());
                all.add(one.strength());
            }
        }
        Map<String, double[]> references = new HashMap<>();
        // Too few departures to compare with at all: compared with a normal series, which departs 0 ± 1 σ.
        double[] everyMetric = all.size() >= MIN_PEERS ? reference(all) : new double[] { 0, 1 };
        byMetric.forEach((metric, strengths) -> references.put(metric,
                strengths.size() >= MIN_PEERS ? reference(strengths) : everyMetric));
        return new PeerComparison(references);
    }

    MetricEvidence compare(MetricEvidence evidence) {
        return evidence.comparedWithPeers(score(evidence.metric(), evidence.strength()));
    }

    /** How far {@code strength} of {@code metric} stands out from that metric's on the services in scope. */
    double score(String metric, double strength) {
        double[] reference = references.get(metric);
        return reference == null || !Double.isFinite(strength) ? Double.NEGATIVE_INFINITY
                : (strength - reference[0]) / reference[1];
    }

    /** Median and spread (at least 1) of strengths. */
    private static double[] reference(List<Double> strengths) {
        double[] values = strengths.stream().mapToDouble(Double::doubleValue).toArray();
        return new double[] { Robust.median(values), Math.max(1, Robust.sigma(values)) };
    }
}
