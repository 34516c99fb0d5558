package io.srecopilot.ingest.poller;

import java.time.Duration;

/** How a template's series are judged: a static threshold, a learned baseline, or both. */
public record Detection(Threshold threshold, Anomaly anomaly) {

    /** Violated while the value compares to {@code value} by {@code operator}, for {@code holdFor}. */
    public record Threshold(String operator, double value, Duration holdFor) {

        boolean violatedBy(double sample) {
            return switch (operator) {
                case ">" -> sample > value;
                case ">=" -> sample >= value;
                case "<" -> sample < value;
                default -> sample <= value;
            };
        }
    }

    /** Anomalous from {@code consecutivePoints} points in a row with |z| ≥ {@code zThreshold}. */
    public record Anomaly(Duration baselineWindow, double zThreshold, int consecutivePoints) {
    }
}
