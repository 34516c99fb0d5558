package io.srecopilot.ingest.context;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Range queries for the context end on the newest point, whatever the range and the step. */
class ContextRangeTest {

    private static final Instant TO = Instant.parse("2026-11-30T12:00:07Z");

    @Test
    void theLastStepFallsOnTheEndOfTheRange() {
        Instant start = ContextService.alignedStart(TO.minus(Duration.ofMinutes(65)), TO, Duration.ofSeconds(60));
        assertEquals(Instant.parse("2026-11-30T10:55:07Z"), start);
        assertEquals(0, Duration.between(start, TO).toSeconds() % 60);
    }

    @Test
    void theStartNeverMovesBeforeWhatWasAsked() {
        Instant from = TO.minusSeconds(125);
        Instant start = ContextService.alignedStart(from, TO, Duration.ofSeconds(60));
        assertEquals(TO.minusSeconds(120), start);
        assertEquals(TO, ContextService.alignedStart(TO.minusSeconds(30), TO, Duration.ofSeconds(60)));
    }
}
