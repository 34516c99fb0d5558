package io.srecopilot.ai.ranking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How far one series departed from its robust baseline during the analysis window.
 * {@code strength} is the {@value #PERSISTENCE}-th highest |score| in the window, so that one or
 * two stray spikes cannot make a series look anomalous; {@code onset} is the first of
 * {@value #PERSISTENCE} consecutive points at or past the threshold, or null when there are none.
 */
public record SeriesAnomaly(MetricSeries series, double strength, Double onsetEpochSeconds, RobustBaseline baseline) {

    /** Points a departure must last before it counts. */
    static final int PERSISTENCE = 3;

    /** Null when the series has too little history before the window to know its normal. */
    static SeriesAnomaly judge(MetricSeries series, double windowStartEpochSeconds, double threshold) {
        List<double[]> history = new ArrayList<>();
        List<double[]> window = new ArrayList<>();
        for (double[] point : series.points()) {
            (point[0] < windowStartEpochSeconds ? history : window).add(point);
        }
        RobustBaseline baseline = RobustBaseline.learn(history);
        if (baseline == null || window.size() < PERSISTENCE) {
            return null;
        }
        double[] scores = window.stream().mapToDouble(point -> Math.abs(baseline.score(point))).toArray();
        double[] ascending = scores.clone();
        Arrays.sort(ascending);
        double strength = ascending[ascending.length - PERSISTENCE];
        return new SeriesAnomaly(series, strength, onset(window, scores, threshold), baseline);
    }

    private static Double onset(List<double[]> window, double[] scores, double threshold) {
        int run = 0;
        for (int i = 0; i < scores.length; i++) {
            run = scores[i] >= threshold ? run + 1 : 0;
            if (run == PERSISTENCE) {
                return window.get(i - PERSISTENCE + 1)[0];
            }
        }
        return null;
    }
}
