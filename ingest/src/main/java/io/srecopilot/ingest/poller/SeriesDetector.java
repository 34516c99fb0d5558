package io.srecopilot.ingest.poller;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a series is violating its template's detection now, and since when: a static
 * threshold held for {@code for}, and/or a run of consecutive points whose robust z-score against
 * the series' baseline reaches the threshold. Pure, so the same points always decide the same.
 */
public final class SeriesDetector {

    /** Scales MAD to the standard deviation of a normal distribution (Iglewicz and Hoaglin). */
    static final double MAD_SCALE = 0.6745;

    private SeriesDetector() {
    }

    /** A sample of a series. */
    public record Point(Instant at, double value) {
    }

    /**
     * What the latest points say: {@code violating} with its {@code onset} (the first point of the
     * violating run), the latest value and its z-score (null without a baseline).
     */
    public record Verdict(boolean violating, Instant onset, double value, Double score, String reason) {
    }

    /** Over a whole range: the highest |z| (null without a baseline) and the first violating point. */
    public record Judgement(Double maxAbsScore, Instant onset) {
    }

    public static Judgement scan(List<Point> points, Baseline baseline, Detection detection) {
        Double max = null;
        Instant onset = null;
        for (Point point : points) {
            Double score = baseline == null ? null : Math.abs(baseline.score(point.value()));
            if (score != null) {
                max = max == null ? score : Math.max(max, score);
            }
            boolean anomalous = score != null && detection.anomaly() != null && score >= detection.anomaly().zThreshold();
            boolean breached = detection.threshold() != null && detection.threshold().violatedBy(point.value());
            if (onset == null && (anomalous || breached)) {
                onset = point.at();
            }
        }
        return new Judgement(max, onset);
    }

    public static Verdict evaluate(List<Point> points, Baseline baseline, Detection detection) {
        Point latest = points.get(points.size() - 1);
        Double score = baseline == null ? null : baseline.score(latest.value());
        Instant thresholdOnset = detection.threshold() == null ? null : thresholdOnset(points, detection.threshold());
        Instant anomalyOnset = detection.anomaly() == null || baseline == null ? null
                : anomalyOnset(points, baseline, detection.anomaly());
        if (thresholdOnset != null && (anomalyOnset == null || !anomalyOnset.isBefore(thresholdOnset))) {
            return new Verdict(true, thresholdOnset, latest.value(), score, "threshold");
        }
        if (anomalyOnset != null) {
            return new Verdict(true, anomalyOnset, latest.value(), score, "anomaly");
        }
        return new Verdict(false, null, latest.value(), score, null);
    }

    /** The start of the violating run ending at the latest point, when it has lasted {@code for}. */
    private static Instant thresholdOnset(List<Point> points, Detection.Threshold threshold) {
        List<Point> run = trailingRun(points, point -> threshold.violatedBy(point.value()));
        if (run.isEmpty()) {
            return null;
        }
        Instant onset = run.get(0).at();
        Instant latest = run.get(run.size() - 1).at();
        return !latest.isBefore(onset.plus(threshold.holdFor())) ? onset : null;
    }

    private static Instant anomalyOnset(List<Point> points, Baseline baseline, Detection.Anomaly anomaly) {
        List<Point> run = trailingRun(points, point -> Math.abs(baseline.score(point.value())) >= anomaly.zThreshold());
        return run.size() >= anomaly.consecutivePoints() ? run.get(0).at() : null;
    }

    private static List<Point> trailingRun(List<Point> points, java.util.function.Predicate<Point> violating) {
        List<Point> run = new ArrayList<>();
        for (int i = points.size() - 1; i >= 0 && violating.test(points.get(i)); i--) {
            run.add(0, points.get(i));
        }
        return run;
    }
}
