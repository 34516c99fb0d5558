package io.srecopilot.ai.reasoning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the weighted sum of a hypothesis' factors into a probability that it is right: a logistic
 * curve {@code 1 / (1 + e^-(a·sum + b))} (Platt scaling). How often a sum of, say, 0.6 is right
 * depends on the system and its metrics, so each project's curve is fitted to its own judged
 * hypotheses (people's verdicts), by maximum likelihood, starting from a prior that counts as
 * {@value #PRIOR_WEIGHT} judged hypotheses. The prior ({@link #PRIOR_A}, {@link #PRIOR_B}) is the fit
 * on the hypotheses the reasoner makes on the synthetic fault-injection suite (300 cases, seed
 * 20261201, one critical alert on the entry service); {@code CalibrationFitTest} fits it again and
 * fails when these constants are not what the fit gives. It is pessimistic where the metrics tell
 * the root cause apart better than on that suite, and the project's verdicts correct it.
 */
public final class ConfidenceCalibration {

    public static final double PRIOR_A = 4.994;
    public static final double PRIOR_B = -3.466;
    /** How many judged hypotheses the prior counts as, spread evenly over sums from 0.2 to 0.8. */
    static final int PRIOR_WEIGHT = 20;
    /** The project's most recent verdicts a curve is fitted to. */
    public static final int MAX_JUDGED = 1000;

    public static final Curve PRIOR = new Curve(PRIOR_A, PRIOR_B, 0);

    private ConfidenceCalibration() {
    }

    /** A fitted curve and how many of the project's verdicts it rests on. */
    public record Curve(double a, double b, int judged) {

        public double probability(double weightedSum) {
            return 1 / (1 + Math.exp(-(a * weightedSum + b)));
        }

        public String describe() {
            return judged == 0 ? "confidences calibrated by the prior curve (no verdicts of this project yet)"
                    : String.format(Locale.ROOT, "confidences calibrated on %d verdict(s) of this project "
                            + "(1 / (1 + e^-(%.2f·sum %+.2f)))", judged, a, b);
        }
    }

    /** The curve for a project whose judged hypotheses are {@code judged}: {weighted sum, 1 if accepted}. */
    public static Curve fitted(List<double[]> judged) {
        if (judged.isEmpty()) {
            return PRIOR;
        }
        List<double[]> samples = new ArrayList<>(judged);
        for (int i = 0; i < PRIOR_WEIGHT; i++) {
            double sum = 0.2 + 0.6 * i / (PRIOR_WEIGHT - 1);
            samples.add(new double[] { sum, PRIOR.probability(sum) });
        }
        double[] fit = logisticFit(samples, PRIOR_A, PRIOR_B);
        return new Curve(fit[0], fit[1], judged.size());
    }

    /**
     * Maximum-likelihood {a, b} of P(right) = 1 / (1 + e^-(a x + b)) over samples {x, y} (y may be a
     * share, as the prior's are), by Newton's method from {a0, b0}.
     */
    public static double[] logisticFit(List<double[]> samples, double a0, double b0) {
        double a = a0;
        double b = b0;
        for (int iteration = 0; iteration < 100; iteration++) {
            double ga = 0;
            double gb = 0;
            double haa = 0;
            double hab = 0;
            double hbb = 0;
            for (double[] sample : samples) {
                double p = 1 / (1 + Math.exp(-(a * sample[0] + b)));
                double residual = sample[1] - p;
                double weight = Math.max(p * (1 - p), 1e-9);
                ga += residual * sample[0];
                gb += residual;
                haa += weight * sample[0] * sample[0];
                hab += weight * sample[0];
                hbb += weight;
            }
            double determinant = haa * hbb - hab * hab;
            if (determinant <= 0) {
                break;
            }
            double stepA = (hbb * ga - hab * gb) / determinant;
            double stepB = (haa * gb - hab * ga) / determinant;
            a += stepA;
            b += stepB;
            if (Math.abs(stepA) + Math.abs(stepB) < 1e-10) {
                break;
            }
        }
        return new double[] { a, b };
    }
}
