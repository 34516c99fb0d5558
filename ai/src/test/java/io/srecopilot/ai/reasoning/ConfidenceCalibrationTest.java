package io.srecopilot.ai.reasoning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConfidenceCalibrationTest {

    @Test
    void withoutVerdictsThePriorCurveIsUsed() {
        assertEquals(ConfidenceCalibration.PRIOR, ConfidenceCalibration.fitted(List.of()));
        assertEquals(1 / (1 + Math.exp(-(ConfidenceCalibration.PRIOR_A * 0.6 + ConfidenceCalibration.PRIOR_B))),
                ConfidenceCalibration.PRIOR.probability(0.6), 1e-12);
    }

    @Test
    void aProjectWhoseHypothesesAreRightMoreOftenThanThePriorSaysGetsAHigherCurve() {
        // In this project a sum of 0.6 is right nine times in ten, far more than the prior's ~0.4.
        List<double[]> judged = verdicts(new Random(1), 300, sum -> sum >= 0.55 ? 0.9 : 0.05);

        ConfidenceCalibration.Curve curve = ConfidenceCalibration.fitted(judged);

        assertEquals(300, curve.judged());
        assertTrue(curve.probability(0.65) > 0.8, "fitted " + curve);
        assertTrue(curve.probability(0.4) < 0.2, "fitted " + curve);
        assertTrue(ConfidenceCalibration.PRIOR.probability(0.65) < 0.6);
    }

    @Test
    void aFewVerdictsMoveTheCurveOnlyALittle() {
        List<double[]> two = List.of(new double[] { 0.5, 1 }, new double[] { 0.45, 1 });

        ConfidenceCalibration.Curve curve = ConfidenceCalibration.fitted(two);

        double prior = ConfidenceCalibration.PRIOR.probability(0.5);
        assertTrue(curve.probability(0.5) > prior && curve.probability(0.5) < prior + 0.2,
                "prior " + prior + ", after two acceptances " + curve.probability(0.5));
    }

    private static List<double[]> verdicts(Random random, int count, java.util.function.DoubleUnaryOperator rightShare) {
        List<double[]> judged = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double sum = 0.3 + 0.45 * random.nextDouble();
            judged.add(new double[] { sum, random.nextDouble() < rightShare.applyAsDouble(sum) ? 1 : 0 });
        }
        return judged;
    }
}
