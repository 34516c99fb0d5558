package io.srecopilot.ai.ranking;

import java.time.Instant;

/**
 * One series as an analysis judged it, for the snapshot: what it measures, how many points it had,
 * its baseline ({@code normal}, in its own units, null when it could not be judged: no history, a
 * shared series, a host metric), what it showed while departed ({@code observed}), how far and which
 * way ({@code strength} robust σ, {@code direction} "rose" or "fell") and from when ({@code onset},
 * null when it did not depart for long).
 */
public record SeriesSummary(String service, String metric, String kind, int points, Double normal, Double observed,
        Double strength, String direction, Instant onset) {

    static SeriesSummary of(MetricSeries series, SeriesDeparture judged) {
        if (judged == null) {
            return new SeriesSummary(series.service(), series.metric(), series.kind().value(), series.points().size(),
                    null, null, null, null, null);
        }
        return new SeriesSummary(series.service(), series.metric(), series.kind().value(), series.points().size(),
                round(judged.normal()), round(judged.observed()),
                Double.isFinite(judged.strength()) ? round(judged.strength()) : null,
                judged.direction() > 0 ? "rose" : "fell", judged.onset());
    }

    private static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
