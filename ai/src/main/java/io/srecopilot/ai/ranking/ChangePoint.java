package io.srecopilot.ai.ranking;

/**
 * Where a series began to depart from its baseline, by Page's CUSUM on robust z-scores: the sum
 * {@code S = max(0, S + z − K)} grows while points stay more than {@code K} σ off in the watched
 * direction and falls back to zero otherwise; once it reaches {@code H} the series has changed,
 * and the change began right after the sum last stood at zero. The design follows the textbook
 * rule (Montgomery, Introduction to Statistical Quality Control) of {@code K} at half the shift to
 * be found: the ranking looks for departures of {@link SeriesDeparture#THRESHOLD} σ, so {@code K}
 * = 2, and noise within 2 σ never accumulates into a false onset; {@code H} = 5 finds a shift of
 * 4 σ on its third point and dates it to its first.
 */
final class ChangePoint {

    static final double H = 5.0;

    private ChangePoint() {
    }

    /**
     * The index in {@code z} (directional z-scores, in time order, from where the search starts) at
     * which the change began, or -1 when there was none.
     */
    static int onset(double[] z) {
        return onset(z, SeriesDeparture.THRESHOLD);
    }

    /** The same, looking for departures of {@code threshold} σ: {@code K} is half of it. */
    static int onset(double[] z, double threshold) {
        double k = threshold / 2;
        double sum = 0;
        int lastZero = -1;
        for (int i = 0; i < z.length; i++) {
            sum = Math.max(0, sum + z[i] - k);
            if (sum == 0) {
                lastZero = i;
            } else if (sum >= H) {
                return lastZero + 1;
            }
        }
        return -1;
    }
}
