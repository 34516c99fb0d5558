package io.srecopilot.ai.ranking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How noisy each metric usually is across the services in scope, so that a series with little
 * history does not get a scale read off two or three points. The scale of a series is moderated
 * towards its metric's typical scale as in empirical Bayes (limma, Smyth 2004):
 * {@code σ² = (d₀·σ₀² + d·s²) / (d₀ + d)}, with {@code s} the series' own robust σ from {@code n}
 * normal points, worth {@code d = 0.37 (n − 1)} degrees of freedom, and {@code σ₀} the median scale
 * of the metric's series that have at least three. The
 * prior counts as {@value #PRIOR_POINTS} points: it steadies a scale read off two to five normal
 * points and is outweighed by an hour of history.
 */
final class NoisePriors {

    static final int PRIOR_POINTS = RankingSettings.DEFAULT.priorPoints();
    /**
     * A robust σ from the MAD is worth about 37 % of the points a standard deviation would be (its
     * asymptotic efficiency at the normal), and far less on ties, which quantised series are full of.
     */
    static final double MAD_EFFICIENCY = 0.37;
    private static final int MIN_POINTS_FOR_PRIOR = 3;

    private final Map<String, Double> typicalScale;
    private final int priorPoints;

    private NoisePriors(Map<String, Double> typicalScale, int priorPoints) {
        this.typicalScale = typicalScale;
        this.priorPoints = priorPoints;
    }

    static NoisePriors of(List<SeriesReference> references, int priorPoints) {
        Map<String, List<Double>> scales = new HashMap<>();
        for (SeriesReference reference : references) {
            if (reference.referenceValues().length >= MIN_POINTS_FOR_PRIOR) {
                scales.computeIfAbsent(reference.series().metric(), any -> new ArrayList<>())
                        .add(Math.max(Robust.sigma(reference.referenceValues()), reference.scale().resolution()));
            }
        }
        Map<String, Double> typical = new HashMap<>();
        scales.forEach((metric, found) -> typical.put(metric,
                Robust.median(found.stream().mapToDouble(Double::doubleValue).toArray())));
        return new NoisePriors(typical, priorPoints);
    }

    /** The moderated robust σ of {@code normal} values (already on the series' scale). */
    double sigma(String metric, double[] normal, double resolution) {
        double own = Robust.sigma(normal);
        Double prior = typicalScale.get(metric);
        double freedom = MAD_EFFICIENCY * Math.max(0, normal.length - 1);
        double moderated = prior == null ? own
                : Math.sqrt((priorPoints * prior * prior + freedom * own * own) / (priorPoints + freedom));
        return Math.max(moderated, resolution);
    }
}
