package io.srecopilot.ai.ranking;

import java.time.Instant;

/**
 * How one series departed from its normal, and from when: {@code strength} is the departure, in
 * robust σ, that it held for {@code persistence} points in a row, in {@code direction} (+1 rose, -1
 * fell); {@code onset} is where the change began (null when it never departed for long);
 * {@code normal} and {@code observed} say it in the series' own units (its baseline, and its median
 * while departed); {@code normalPoints} how many points the baseline rests on; {@code stepSeconds}
 * the series' resolution near the incident.
 */
public record SeriesDeparture(MetricSeries series, int direction, double strength, Instant onset, double normal,
        double observed, int normalPoints, double stepSeconds) {

    /** A series departs when it holds this many robust σ from normal for as long as it must. */
    public static final double THRESHOLD = 4.0;

    public boolean departed() {
        return onset != null && strength >= THRESHOLD;
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
