package io.srecopilot.ingest.poller;

import java.util.Arrays;

/**
 * A series' normal range: the median and the median absolute deviation of its values over the
 * baseline window. Robust: a few wild points move neither, so noisy series do not drown the rest.
 */
public record Baseline(double median, double mad, int points) {

    /** Below this spread (relative to the level) a series is treated as flat, not infinitely sensitive. */
    private static final double MIN_RELATIVE_SPREAD = 1e-3;
    private static final double MIN_ABSOLUTE_SPREAD = 1e-9;

    public static Baseline of(double[] values) {
        if (values.length == 0) {
            return null;
        }
        double median = median(values.clone());
        double[] deviations = Arrays.stream(values).map(value -> Math.abs(value - median)).toArray();
        return new Baseline(median, median(deviations), values.length);
    }

    /** The robust z-score of a value: 0.6745 (x − median) / MAD, with MAD floored for flat series. */
    public double score(double value) {
        double spread = Math.max(mad, Math.max(Math.abs(median) * MIN_RELATIVE_SPREAD, MIN_ABSOLUTE_SPREAD));
        return SeriesDetector.MAD_SCALE * (value - median) / spread;
    }

    private static double median(double[] values) {
        Arrays.sort(values);
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
