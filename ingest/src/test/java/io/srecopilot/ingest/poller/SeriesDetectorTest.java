package io.srecopilot.ingest.poller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesDetectorTest {

    private static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");

    @Test
    void aThresholdFiresOnlyOnceItHeldForItsDurationAndNamesItsOnset() {
        Detection detection = new Detection(new Detection.Threshold(">", 100, Duration.ofSeconds(30)), null);
        List<SeriesDetector.Point> rising = points(5, 120, 130);
        assertFalse(SeriesDetector.evaluate(rising, null, detection).violating(), "held 15 s of 30");
        SeriesDetector.Verdict held = SeriesDetector.evaluate(points(5, 120, 130, 140), null, detection);
        assertTrue(held.violating());
        assertEquals(T0.plusSeconds(15), held.onset());
        assertEquals("threshold", held.reason());
        assertFalse(SeriesDetector.evaluate(points(120, 130, 140, 90), null, detection).violating(), "back below");
    }

    @Test
    void anAnomalyNeedsItsConsecutivePointsAndIgnoresNoiseInTheBaseline() {
        Baseline baseline = Baseline.of(new double[] { 10, 11, 9, 10, 12, 10, 9, 500, 10, 11 });
        assertEquals(10, baseline.median());
        assertEquals(1, baseline.mad(), "one wild point moves neither median nor MAD");
        Detection detection = new Detection(null, new Detection.Anomaly(Duration.ofHours(1), 3.5, 2));
        assertFalse(SeriesDetector.evaluate(points(10, 11, 40), baseline, detection).violating(), "one point only");
        SeriesDetector.Verdict anomaly = SeriesDetector.evaluate(points(10, 40, 45), baseline, detection);
        assertTrue(anomaly.violating());
        assertEquals(T0.plusSeconds(15), anomaly.onset());
        assertEquals(0.6745 * 35, anomaly.score(), 1e-9);
        assertFalse(SeriesDetector.evaluate(points(10, 40, 11), baseline, detection).violating());
    }

    @Test
    void aFlatSeriesIsNotInfinitelySensitive() {
        Baseline flat = Baseline.of(new double[] { 200, 200, 200, 200 });
        assertEquals(0, flat.mad());
        assertEquals(0.6745 * 0.1 / 0.2, flat.score(200.1), 1e-9, "spread floored at 0.1% of the level");
        assertNull(Baseline.of(new double[0]));
    }

    @Test
    void theEarlierOfTwoViolationsIsTheOnset() {
        Baseline baseline = Baseline.of(new double[] { 10, 10, 11, 9 });
        Detection both = new Detection(new Detection.Threshold(">", 100, Duration.ZERO),
                new Detection.Anomaly(Duration.ofHours(1), 3.5, 1));
        SeriesDetector.Verdict verdict = SeriesDetector.evaluate(points(10, 50, 150), baseline, both);
        assertEquals(T0.plusSeconds(15), verdict.onset(), "anomalous before it crossed the threshold");
        assertEquals("anomaly", verdict.reason());
    }

    private static List<SeriesDetector.Point> points(double... values) {
        List<SeriesDetector.Point> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            points.add(new SeriesDetector.Point(T0.plusSeconds(15L * i), values[i]));
        }
        return points;
    }
}
