package io.srecopilot.platform.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.redis.datasource.stream.StreamMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HeldBackEventsTest {

    private static final long MINUTE = 60_000;

    private final HeldBackEvents held = new HeldBackEvents(Duration.ofSeconds(1), Duration.ofSeconds(30), 5,
            Duration.ofMinutes(2));

    @Test
    void thePauseDoublesFromTheFirstUpToTheLongest() {
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L),
                IntStream.rangeClosed(1, 7).mapToObj(n -> held.pause(n).toSeconds()).toList());
    }

    @Test
    void manyQuickFailuresDoNotParkBeforeTheTimeBoundNorDoesALongTimeWithFewFailures() {
        held.failed("k", message("1-0"), List.of(), 0);
        for (int failure = 2; failure <= 9; failure++) {
            assertEquals(0, held.failedAgain("k", failure * 1_000), "within two minutes: an outage, not poison");
        }
        assertEquals(10, held.failedAgain("k", 2 * MINUTE), "ten failures over two minutes");

        held.failed("other", message("2-0"), List.of(), 0);
        assertEquals(0, held.failedAgain("other", 10 * MINUTE), "two failures only, however long apart");
    }

    @Test
    void laterEventsWaitInStreamOrderAndTheKeyIsFreedOnceAllAreDone() {
        held.failed("k", message("1-0"), List.of(message("2-0")), 0);
        held.append("k", message("3-0"));
        assertTrue(held.holds("k"));
        assertEquals(List.of(), held.due(999), "not before the pause");
        assertEquals(List.of("k"), held.due(1_000));
        assertTrue(held.holdsFrom("sre:events:3"));
        assertEquals(3, held.size());

        for (String id : List.of("1-0", "2-0", "3-0")) {
            assertEquals(id, held.first("k").message().id());
            held.done("k");
        }
        assertNull(held.first("k"));
        assertTrue(!held.holds("k") && !held.holdsFrom("sre:events:3"));
    }

    private static DecodedMessage message(String id) {
        return new DecodedMessage(new StreamMessage<>("sre:events:3", id, Map.of()), null);
    }
}
