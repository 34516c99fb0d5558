package io.srecopilot.ai.ranking;

import java.time.Duration;

/**
 * The constants of the ranking, each chosen for a reason written where it is used, and gathered
 * here so that the sensitivity of the results to them can be measured (the e2e benchmark's
 * leave-one-fault-type-out check varies them): the departure threshold in robust σ
 * ({@link SeriesDeparture}), how many points the metric's typical noise counts as
 * ({@link NoisePriors}), how long a departure must last ({@link SeriesReference}), and how far before
 * the incident the window of departures reaches.
 */
public record RankingSettings(double threshold, int priorPoints, double persistenceSeconds, Duration lookback) {

    public static final RankingSettings DEFAULT = new RankingSettings(4.0, 8, 120, Duration.ofMinutes(15));
}
