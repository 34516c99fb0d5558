package io.srecopilot.ingest.context;

import java.time.Duration;
import java.time.Instant;

/**
 * At which resolution a context's series are read. Without a moment to look around, the whole range
 * at one step ({@value ContextService#MAX_POINTS} points at most, never finer than a template's
 * interval). Around a moment: from {@value ContextService#NEAR_MINUTES} minutes before it to the end
 * at each template's own interval (at most {@value ContextService#MAX_NEAR_POINTS} points), and the
 * history before that at {@value ContextService#HISTORY_POINTS} points.
 */
record Resolution(Instant from, Instant to, Instant nearFrom, int nearPoints) {

    static Resolution of(Instant from, Instant to, Instant around) {
        if (around == null) {
            return new Resolution(from, to, from, ContextService.MAX_POINTS);
        }
        Instant nearFrom = around.minus(Duration.ofMinutes(ContextService.NEAR_MINUTES));
        return new Resolution(from, to, nearFrom.isAfter(from) && nearFrom.isBefore(to) ? nearFrom : from,
                ContextService.MAX_NEAR_POINTS);
    }

    /** The start of the range before the near part, or null when there is none. */
    Instant history() {
        return nearFrom.isAfter(from) ? from : null;
    }

    Duration nearStep(int intervalSeconds) {
        return step(nearFrom, to, intervalSeconds, nearPoints);
    }

    Duration historyStep(int intervalSeconds) {
        return step(from, nearFrom, intervalSeconds, ContextService.HISTORY_POINTS);
    }

    private static Duration step(Instant start, Instant end, int intervalSeconds, int points) {
        long span = Math.max(1, Duration.between(start, end).toSeconds());
        return Duration.ofSeconds(Math.max(intervalSeconds, (long) Math.ceil(span / (double) points)));
    }
}
