package io.srecopilot.ai.ranking;

import java.time.Instant;

/**
 * How one series departed from its normal, and from when: {@code strength} is the departure, in
 * robust σ, that it held for {@code persistence} points in a row, in {@code direction} (+1 rose, -1
 * fell); {@code onset} is where the change began (null when it never departed far enough for long enough);
 * {@code normal} and {@code observed} say it in the series' own units (its baseline, and its median
 * while departed); {@code normalPoints} how many points the baseline rests on; {@code stepSeconds}
 * the series' resolution near the incident.
 */
public record SeriesDeparture(MetricSeries series, int direction, double strength, Instant onset, double normal,
        double observed, int normalPoints, double stepSeconds) {

    /**
     * A series departs when it holds this many robust σ from normal for as long as it must: far
     * enough that noise seldom does, moderated scales being close to Gaussian; the common choice of
     * robust anomaly detectors, between the 3 σ of control charts and the 5 σ of stricter ones.
     */
    public static final double THRESHOLD = RankingSettings.DEFAULT.threshold();

    /** It departed: the detector gives an onset only to departures past its threshold. */
    public boolean departed() {
        return onset != null;
    }

    public String service() {
        return series.service();
    }

    public String metric() {
        return series.metric();
    }

    public MetricKind kind() {
        return series.kind();
    }
}
