package io.srecopilot.ai.ranking;

import java.time.Instant;

/**
 * One series as an analysis judged it: its robust baseline where the analysis window starts
 * (level and scale, null without enough history), how far it departed ({@code strength}, in robust
 * σ) and from when ({@code onset}, null when it did not depart for long).
 */
public record SeriesSummary(String service, String metric, int points, Double baselineLevel, Double baselineScale,
        Double strength, Instant onset) {
}
