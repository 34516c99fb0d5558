package io.srecopilot.ai.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RobustBaselineTest {

    @Test
    void oneOutlierMovesNeitherTheLevelNorTheScale() {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            points.add(new double[] { 60.0 * i, 100 + (i % 2 == 0 ? 1 : -1) });
        }
        RobustBaseline calm = RobustBaseline.learn(points);
        points.set(30, new double[] { 1800, 10_000 });
        RobustBaseline withOutlier = RobustBaseline.learn(points);

        assertEquals(calm.expected(3600), withOutlier.expected(3600), 0.5);
        assertEquals(calm.scale(), withOutlier.scale(), 0.1);
        assertTrue(withOutlier.score(new double[] { 3600, 110 }) > 5, "a lasting +10 is far from normal");
    }

    @Test
    void aTrendIsFollowedSoItsContinuationIsNormal() {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            points.add(new double[] { 60.0 * i, 50 + 0.5 * i + (i % 3) });
        }
        RobustBaseline baseline = RobustBaseline.learn(points);

        assertEquals(50 + 0.5 * 70 + 1, baseline.expected(60.0 * 70), 1.0);
        assertTrue(Math.abs(baseline.score(new double[] { 60.0 * 70, 50 + 0.5 * 70 + 1 })) < 2);
    }

    @Test
    void tooFewPointsTellNothing() {
        assertNull(RobustBaseline.learn(List.of(new double[] { 0, 1 }, new double[] { 60, 2 })));
    }

    @Test
    void aFlatSeriesStillHasAScaleSoTheSmallestChangeIsNotInfinitelyAnomalous() {
        List<double[]> flat = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            flat.add(new double[] { 60.0 * i, 200 });
        }
        RobustBaseline baseline = RobustBaseline.learn(flat);

        assertEquals(2.0, baseline.scale(), 1e-9, "1% of the level");
        assertEquals(0.5, baseline.score(new double[] { 1800, 201 }), 1e-9);
    }
}
