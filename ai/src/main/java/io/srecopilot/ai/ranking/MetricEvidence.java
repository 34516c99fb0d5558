package io.srecopilot.ai.ranking;

import java.time.Instant;

/**
 * What one metric says of one service: its series that departed furthest ({@code departure}),
 * that departure less what the best of {@code seriesCount} series would reach by chance
 * ({@code strength}, robust σ; the expected maximum of n normal variables, √(2 ln n)), how far that
 * stands out from the same metric's on the other services ({@code peerScore}), and what the call
 * graph leaves of that unexplained ({@code remaining}; {@code explainedBy} the neighbour that
 * explains {@code explainedShare} of it).
 */
record MetricEvidence(SeriesDeparture departure, int seriesCount, double strength, double remaining,
        String explainedBy, double explainedShare, double peerScore) {

    static MetricEvidence of(SeriesDeparture strongest, int seriesCount) {
        double strength = strongest.strength() - chanceMaximum(seriesCount);
        return new MetricEvidence(strongest, seriesCount, strength, 0, null, 0, 0);
    }

    MetricEvidence comparedWithPeers(double score) {
        return new MetricEvidence(departure, seriesCount, strength, score, null, 0, score);
    }

    MetricEvidence explained(String by, double share) {
        return new MetricEvidence(departure, seriesCount, strength, peerScore * (1 - share), by, share, peerScore);
    }

    Instant onset() {
        return departure.onset();
    }

    boolean departed() {
        return departure.departed();
    }

    MetricKind kind() {
        return departure.kind();
    }

    String metric() {
        return departure.metric();
    }

    String service() {
        return departure.service();
    }

    /** The largest of {@code n} independent standard normal values, about. */
    static double chanceMaximum(int n) {
        return n <= 1 ? 0 : Math.sqrt(2 * Math.log(n));
    }
}
