package io.srecopilot.ai.ranking;

import java.util.Arrays;
import java.util.List;

/**
 * What a series normally looks like, learned from its points before the incident without letting
 * outliers decide: a Theil–Sen line (the median of pairwise slopes) follows slow drifts such as the
 * time of day, and the median absolute deviation of the points around it is the scale. One spike
 * moves neither, where a mean and a standard deviation would follow it.
 */
public final class RobustBaseline {

    /** Makes the MAD of normally distributed noise equal its standard deviation. */
    private static final double MAD_TO_SIGMA = 1.4826;
    /** Below this share of the level, variation is treated as measurement noise, not signal. */
    private static final double RELATIVE_SCALE_FLOOR = 0.01;
    private static final double ABSOLUTE_SCALE_FLOOR = 1e-9;
    /** Pairwise slopes grow with the square of the points; beyond this many, every n-th point. */
    private static final int MAX_POINTS_FOR_SLOPE = 120;

    private final double anchorTime;
    private final double level;
    private final double slope;
    private final double scale;

    private RobustBaseline(double anchorTime, double level, double slope, double scale) {
        this.anchorTime = anchorTime;
        this.level = level;
        this.slope = slope;
        this.scale = scale;
    }

    /** Needs at least three points; null otherwise, since nothing can be said of the normal then. */
    public static RobustBaseline learn(List<double[]> points) {
        if (points.size() < 3) {
            return null;
        }
        double[] times = points.stream().mapToDouble(point -> point[0]).toArray();
        double[] values = points.stream().mapToDouble(point -> point[1]).toArray();
        double slope = theilSenSlope(times, values);
        double anchorTime = median(times.clone());
        double[] levels = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            levels[i] = values[i] - slope * (times[i] - anchorTime);
        }
        double level = median(levels.clone());
        double[] deviations = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            deviations[i] = Math.abs(levels[i] - level);
        }
        double scale = Math.max(MAD_TO_SIGMA * median(deviations),
                Math.max(RELATIVE_SCALE_FLOOR * Math.abs(level), ABSOLUTE_SCALE_FLOOR));
        return new RobustBaseline(anchorTime, level, slope, scale);
    }

    /** What the series would be at {@code epochSeconds} had nothing happened. */
    public double expected(double epochSeconds) {
        return level + slope * (epochSeconds - anchorTime);
    }

    /** How far a point is from normal, in robust standard deviations; the sign is the direction. */
    public double score(double[] point) {
        return (point[1] - expected(point[0])) / scale;
    }

    public double scale() {
        return scale;
    }

    private static double theilSenSlope(double[] times, double[] values) {
        int step = Math.max(1, (int) Math.ceil(times.length / (double) MAX_POINTS_FOR_SLOPE));
        int n = (times.length + step - 1) / step;
        double[] slopes = new double[n * (n - 1) / 2];
        int count = 0;
        for (int i = 0; i < times.length; i += step) {
            for (int j = i + step; j < times.length; j += step) {
                double dt = times[j] - times[i];
                if (dt != 0) {
                    slopes[count++] = (values[j] - values[i]) / dt;
                }
            }
        }
        return count == 0 ? 0 : median(Arrays.copyOf(slopes, count));
    }

    /** Sorts its argument. */
    static double median(double[] values) {
        Arrays.sort(values);
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
