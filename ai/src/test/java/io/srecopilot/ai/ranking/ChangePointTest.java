package io.srecopilot.ai.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChangePointTest {

    @Test
    void noiseWithinTwoSigmaNeverAccumulates() {
        assertEquals(-1, ChangePoint.onset(new double[] { 1.9, -1, 1.5, 1.8, -0.2, 1.95, 1.1, 2.0, -0.5, 1.4 }));
    }

    @Test
    void aStepIsFoundWhereItBegan() {
        assertEquals(4, ChangePoint.onset(new double[] { 0.2, -0.3, 0.1, -0.1, 5, 5, 5, 5 }));
        assertEquals(-1, ChangePoint.onset(new double[] { 0.2, -0.3, 0.1, -0.1, 3, 3, 3, 3 }),
                "3 σ is below the departures looked for: four points of it are not yet a change");
    }

    @Test
    void aSlowDriftIsDatedToWhereItStartedNotWhereItWasNoticed() {
        // Rising by 1.5 σ a point from index 3: alarmed at index 6, dated to index 4, its first point past 2 σ.
        double[] z = { 0.1, -0.2, 0.3, 1.5, 3, 4.5, 6, 7.5 };
        assertEquals(4, ChangePoint.onset(z));
    }

    @Test
    void aLoneSpikeBelowTheDecisionIntervalIsNoChange() {
        assertEquals(-1, ChangePoint.onset(new double[] { 0, 0, 4.9, 0, 0, -1, 0 }));
    }

    @Test
    void nothingToSearchIsNoChange() {
        assertEquals(-1, ChangePoint.onset(new double[0]));
    }
}
