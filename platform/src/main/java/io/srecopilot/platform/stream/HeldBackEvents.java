package io.srecopilot.platform.stream;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The events of keys whose earliest unprocessed event failed: that event first, then every later
 * event of its key this replica read, in stream order. They stay pending in the stream (should the
 * replica die, another takes them over) and are retried here: the first one alone, after a pause
 * that doubles from {@code firstPause} up to {@code longestPause}, the later ones only once it
 * succeeded or was parked. So a failure delays its key's events but never lets a later one
 * overtake it, which handlers that apply states (an alert group's firing, then its resolved) rely
 * on. The first event is parked once it failed {@code maxFailures} times over at least
 * {@code parkAfter}, so that a database outage of a minute or two parks nothing.
 */
final class HeldBackEvents {

    private final Duration firstPause;
    private final Duration longestPause;
    private final int maxFailures;
    private final Duration parkAfter;
    // Guarded by this; in the order the keys were first held back.
    private final Map<String, Held> byKey = new LinkedHashMap<>();

    HeldBackEvents(Duration firstPause, Duration longestPause, int maxFailures, Duration parkAfter) {
        this.firstPause = firstPause;
        this.longestPause = longestPause;
        this.maxFailures = maxFailures;
        this.parkAfter = parkAfter;
    }

    /** One key's events waiting; the first failed {@code failures} times, first at {@code firstFailure}. */
    private static final class Held {
        final Deque<DecodedMessage> events = new ArrayDeque<>();
        int failures;
        long firstFailure;
        long due;
    }

    synchronized boolean holds(String key) {
        return byKey.containsKey(key);
    }

    /** Holds back {@code failed}, which just failed at {@code now}, and its key's {@code later} events. */
    synchronized void failed(String key, DecodedMessage failed, List<DecodedMessage> later, long now) {
        Held held = byKey.computeIfAbsent(key, ignored -> new Held());
        held.events.addFirst(failed);
        held.events.addAll(later);
        recordFailure(held, now);
    }

    /** Queues an event read after its key was held back. */
    synchronized void append(String key, DecodedMessage event) {
        byKey.get(key).events.addLast(event);
    }

    /** The keys whose first event is due for another try at {@code now}. */
    synchronized List<String> due(long now) {
        List<String> due = new ArrayList<>();
        byKey.forEach((key, held) -> {
            if (held.due <= now) {
                due.add(key);
            }
        });
        return due;
    }

    /** The key's first event, or null when nothing of it is held back any more. */
    synchronized DecodedMessage first(String key) {
        Held held = byKey.get(key);
        return held == null ? null : held.events.peekFirst();
    }

    /** The first event is done with (handled, or parked): the next one is tried at once. */
    synchronized void done(String key) {
        Held held = byKey.get(key);
        held.events.removeFirst();
        held.failures = 0;
        held.due = 0;
        if (held.events.isEmpty()) {
            byKey.remove(key);
        }
    }

    /**
     * The first event failed again at {@code now}; answers how often it has failed when that is
     * enough to park it, or 0 when it is to be tried again later.
     */
    synchronized int failedAgain(String key, long now) {
        Held held = byKey.get(key);
        recordFailure(held, now);
        return held.failures >= maxFailures && now - held.firstFailure >= parkAfter.toMillis() ? held.failures : 0;
    }

    /** The stream ids of every event held back. */
    synchronized Set<String> messageIds() {
        Set<String> ids = new HashSet<>();
        byKey.values().forEach(held -> held.events.forEach(event -> ids.add(event.message().id())));
        return ids;
    }

    /** Whether an event of this stream (partition) is held back. */
    synchronized boolean holdsFrom(String stream) {
        return byKey.values().stream().anyMatch(held -> held.events.stream()
                .anyMatch(event -> event.message().key().equals(stream)));
    }

    synchronized int size() {
        return byKey.values().stream().mapToInt(held -> held.events.size()).sum();
    }

    private void recordFailure(Held held, long now) {
        if (held.failures++ == 0) {
            held.firstFailure = now;
        }
        held.due = now + pause(held.failures).toMillis();
    }

    /** The pause after the n-th failure in a row: doubling from the first, at most the longest. */
    Duration pause(int failures) {
        Duration pause = firstPause;
        for (int n = 1; n < failures && pause.compareTo(longestPause) < 0; n++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(longestPause) < 0 ? pause : longestPause;
    }
}
