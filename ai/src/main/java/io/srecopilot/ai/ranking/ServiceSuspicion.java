package io.srecopilot.ai.ranking;

import java.time.Instant;
import java.util.List;

/**
 * How strongly the metrics point at one service as the root cause, and why. {@code score} orders
 * services (equal scores share a {@code rank}); it is not a probability. {@code evidence} is its
 * series that stood out most from its peers ({@code peerScore}), and {@code explainedBy} the
 * neighbour whose departure accounts for {@code explainedShare} of it; {@code departedSeries} of
 * {@code series} departed; onsets
 * ({@code onset}, the earliest of the service's departed series) are compared with the first
 * service's ({@code lagSeconds}) and with the neighbours' in the call graph ({@code neighbours}).
 * {@code silencedCallees} are callees whose lost traffic this
 * service's failure explains, counted as its evidence. {@code change} is a change of the service
 * shortly before its onset.
 */
public record ServiceSuspicion(String service, int rank, double score, SeriesDeparture evidence, double peerScore,
        int departedSeries, int series, Instant onset, long lagSeconds, String explainedBy, double explainedShare,
        List<String> silencedCallees, List<Neighbour> neighbours, ServiceChange change) {

    public ServiceSuspicion {
        silencedCallees = List.copyOf(silencedCallees);
        neighbours = List.copyOf(neighbours);
    }

    /** The same suspicion at {@code place} in the ranking. */
    ServiceSuspicion ranked(int place) {
        return new ServiceSuspicion(service, place, score, evidence, peerScore, departedSeries, series, onset,
                lagSeconds, explainedBy, explainedShare, silencedCallees, neighbours, change);
    }

    /** Some series of the service departed for long enough. */
    public boolean anomalous() {
        return onset != null;
    }

    /** How far its deciding series departed, in robust σ. */
    public double strength() {
        return evidence == null ? 0 : evidence.strength();
    }

    /** The metric of the series that decided its score. */
    public String metric() {
        return evidence == null ? null : evidence.metric();
    }

    /**
     * A neighbour in the call graph that departed too: {@code relation} is "callee" or "caller", and
     * {@code lagSeconds} how long after this service it departed (negative: before).
     */
    public record Neighbour(String service, String relation, long lagSeconds) {
    }
}
