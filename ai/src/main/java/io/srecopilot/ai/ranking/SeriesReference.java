package io.srecopilot.ai.ranking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A series made ready to judge: its points on its {@link SeriesScale}, and the first points taken
 * as its reference for normal. The reference is everything before the analysis window when there
 * are at least {@value #MIN_REFERENCE_POINTS} such points, else everything before the incident
 * started: a service watched for a short while still gets judged, against what little is known.
 */
record SeriesReference(MetricSeries series, SeriesScale scale, double[] times, double[] values, int referenceEnd,
        int incidentIndex, double stepSeconds, int persistence) {

    static final int MIN_REFERENCE_POINTS = 5;
    /** How long a departure must last to count; Prometheus alerting rules commonly wait as long. */
    static final double PERSISTENCE_SECONDS = RankingSettings.DEFAULT.persistenceSeconds();
    private static final int MIN_PERSISTENCE = 2;

    /**
     * Null when the series cannot be judged: no point before the incident, or fewer points since
     * than a departure must last.
     */
    static SeriesReference of(MetricSeries series, double incidentStart, double windowStart) {
        return of(series, incidentStart, windowStart, PERSISTENCE_SECONDS);
    }

    static SeriesReference of(MetricSeries series, double incidentStart, double windowStart,
            double persistenceSeconds) {
        List<double[]> points = new ArrayList<>();
        for (double[] point : series.points()) {
            if (point.length >= 2 && Double.isFinite(point[0]) && Double.isFinite(point[1])) {
                points.add(point);
            }
        }
        points.sort((a, b) -> Double.compare(a[0], b[0]));
        double[] times = points.stream().mapToDouble(point -> point[0]).toArray();
        double[] raw = points.stream().mapToDouble(point -> point[1]).toArray();
        int beforeWindow = countBefore(times, windowStart);
        int incidentIndex = countBefore(times, incidentStart);
        int referenceEnd = beforeWindow >= MIN_REFERENCE_POINTS ? beforeWindow : incidentIndex;
        double step = step(times, referenceEnd);
        int persistence = step <= 0 ? MIN_PERSISTENCE
                : Math.max(MIN_PERSISTENCE, (int) Math.ceil(persistenceSeconds / step));
        if (referenceEnd == 0 || times.length - incidentIndex < persistence) {
            return null;
        }
        SeriesScale scale = SeriesScale.of(raw, Robust.median(Arrays.copyOf(raw, referenceEnd)));
        double[] values = Arrays.stream(raw).map(scale::apply).toArray();
        return new SeriesReference(series, scale, times, values, referenceEnd, incidentIndex, step, persistence);
    }

    double[] referenceValues() {
        return Arrays.copyOf(values, referenceEnd);
    }

    /** The series' resolution near the incident: the median spacing of its points from {@code from}; 0 if unknown. */
    private static double step(double[] times, int from) {
        int count = times.length - from;
        if (count < 2) {
            return 0;
        }
        double[] gaps = new double[count - 1];
        for (int i = from + 1; i < times.length; i++) {
            gaps[i - from - 1] = times[i] - times[i - 1];
        }
        return Robust.median(gaps);
    }

    private static int countBefore(double[] times, double moment) {
        int count = 0;
        while (count < times.length && times[count] < moment) {
            count++;
        }
        return count;
    }
}
