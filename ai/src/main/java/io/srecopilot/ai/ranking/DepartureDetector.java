package io.srecopilot.ai.ranking;

import java.time.Instant;
import java.util.Arrays;

/**
 * Judges one series: a change point by CUSUM against its reference, then the baseline from all
 * the points before that change (or the reference, without one), then the departure it held since.
 * Series measuring something whose direction is known are watched that way only (latency rising,
 * traffic falling); others both ways.
 */
final class DepartureDetector {

    private final NoisePriors priors;
    private final double threshold;

    DepartureDetector(NoisePriors priors, double threshold) {
        this.priors = priors;
        this.threshold = threshold;
    }

    SeriesDeparture judge(SeriesReference reference) {
        double[] values = reference.values();
        double resolution = reference.scale().resolution();
        String metric = reference.series().metric();
        double[] normal = reference.referenceValues();
        double level = Robust.median(normal);
        double sigma = priors.sigma(metric, normal, resolution);
        int direction = reference.series().kind().direction();
        int onset = -1;
        for (int watched : direction != 0 ? new int[] { direction } : new int[] { 1, -1 }) {
            int found = changeFrom(values, reference.referenceEnd(), level, sigma, watched, threshold);
            if (found >= 0 && (onset < 0 || found < onset)) {
                onset = found;
                direction = watched;
            }
        }
        if (onset >= 0) {
            // Once the incident began no point is trusted as normal, even where this series changed later.
            normal = Arrays.copyOf(values, Math.min(onset, Math.max(1, reference.incidentIndex())));
            level = Robust.median(normal);
            sigma = priors.sigma(metric, normal, resolution);
        }
        int from = Math.max(0, Math.min(onset >= 0 ? Math.min(onset, reference.incidentIndex())
                : reference.referenceEnd(), values.length - reference.persistence()));
        if (direction == 0) {
            direction = strongerWay(values, from, level);
        }
        double[] z = new double[values.length - from];
        for (int i = from; i < values.length; i++) {
            z[i - from] = direction * (values[i] - level) / sigma;
        }
        int held = heldFrom(z, reference.persistence());
        double strength = held < 0 ? Double.NEGATIVE_INFINITY : minimum(z, held, reference.persistence());
        double observed = held < 0 ? level
                : Robust.median(Arrays.copyOfRange(values, from + held, from + held + reference.persistence()));
        return new SeriesDeparture(reference.series(), direction, strength,
                onset >= 0 && strength >= threshold
                        ? Instant.ofEpochSecond((long) reference.times()[onset]) : null,
                reference.scale().invert(level), reference.scale().invert(observed), normal.length,
                reference.stepSeconds());
    }

    /** The index where a change in {@code direction} began, searching from {@code from}; -1 if none. */
    private static int changeFrom(double[] values, int from, double level, double sigma, int direction,
            double threshold) {
        double[] z = new double[values.length - from];
        for (int i = from; i < values.length; i++) {
            z[i - from] = direction * (values[i] - level) / sigma;
        }
        int found = ChangePoint.onset(z, threshold);
        return found < 0 ? -1 : from + found;
    }

    /** For series watched both ways: the way the points since {@code from} went furthest. */
    private static int strongerWay(double[] values, int from, double level) {
        double up = 0;
        double down = 0;
        for (int i = from; i < values.length; i++) {
            up = Math.max(up, values[i] - level);
            down = Math.max(down, level - values[i]);
        }
        return up >= down ? 1 : -1;
    }

    /** Where the run of {@code length} points whose smallest z is largest starts; -1 if too short. */
    private static int heldFrom(double[] z, int length) {
        int best = -1;
        double bestMinimum = Double.NEGATIVE_INFINITY;
        for (int i = 0; i + length <= z.length; i++) {
            double minimum = minimum(z, i, length);
            if (minimum > bestMinimum) {
                bestMinimum = minimum;
                best = i;
            }
        }
        return best;
    }

    private static double minimum(double[] z, int from, int length) {
        double minimum = Double.POSITIVE_INFINITY;
        for (int i = from; i < from + length; i++) {
            minimum = Math.min(minimum, z[i]);
        }
        return minimum;
    }
}
