package io.srecopilot.ai.ranking;

/**
 * The scale on which a series' departures are compared. Series that are never negative (latency,
 * CPU, bytes, requests, ratios) are compared as logarithms, so that a departure is a ratio: a
 * latency going from 5 ms to 50 ms departs as far as one going from 50 ms to 500 ms, whatever the
 * service's level. An offset of 1 % of the normal level keeps series that touch zero finite. Series
 * that go negative are compared as they are. Below {@link #resolution()} (1 %) nothing counts as
 * a change: it is measurement noise.
 */
final class SeriesScale {

    private static final double RELATIVE_RESOLUTION = 0.01;
    /** Series of mostly zeros (error counts) get an offset of this share of their largest value. */
    private static final double SHARE_OF_PEAK = 0.001;
    private static final double TINY = 1e-12;

    private final boolean logarithmic;
    private final double offset;
    private final double resolution;

    private SeriesScale(boolean logarithmic, double offset, double resolution) {
        this.logarithmic = logarithmic;
        this.offset = offset;
        this.resolution = resolution;
    }

    /** {@code normalLevel}: the median of the series' reference points, in its own units. */
    static SeriesScale of(double[] values, double normalLevel) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double value : values) {
            min = Math.min(min, value);
            max = Math.max(max, Math.abs(value));
        }
        if (min < 0) {
            return new SeriesScale(false, 0, Math.max(RELATIVE_RESOLUTION * Math.abs(normalLevel), TINY));
        }
        double offset = normalLevel > 0 ? RELATIVE_RESOLUTION * normalLevel : Math.max(SHARE_OF_PEAK * max, TINY);
        return new SeriesScale(true, offset, Math.log1p(RELATIVE_RESOLUTION));
    }

    double apply(double value) {
        return logarithmic ? Math.log(value + offset) : value;
    }

    /** A value on this scale back in the series' own units. */
    double invert(double scaled) {
        return logarithmic ? Math.exp(scaled) - offset : scaled;
    }

    /** The smallest spread that counts as variation rather than noise, on this scale. */
    double resolution() {
        return resolution;
    }
}
