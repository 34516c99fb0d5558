package io.srecopilot.ai.ranking;

import java.util.Arrays;

/** Median and median absolute deviation: statistics that a few outliers cannot drag away. */
final class Robust {

    /** Makes the MAD of normally distributed noise equal its standard deviation. */
    static final double MAD_TO_SIGMA = 1.4826;

    private Robust() {
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The MAD scaled to a standard deviation; 0 for fewer than two values. */
    static double sigma(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double median = median(values);
        double[] deviations = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            deviations[i] = Math.abs(values[i] - median);
        }
        return MAD_TO_SIGMA * median(deviations);
    }
}
