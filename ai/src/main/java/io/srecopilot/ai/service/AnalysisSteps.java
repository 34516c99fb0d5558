package io.srecopilot.ai.service;

import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.rest.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The steps of one analysis as they ran — name, status, start, duration, detail — so that anyone
 * can see what an analysis did, what it could not do, and where its time went.
 */
final class AnalysisSteps {

    static final String COMPLETED = "completed";

    private final List<Step> steps = new ArrayList<>();

    /** Runs one step now (call it when the step is due); {@code outcome} says how it went. */
    <T> Uni<T> run(String name, Supplier<Uni<T>> work, Function<T, Outcome> outcome) {
        Instant startedAt = Timestamps.now();
        long start = System.nanoTime();
        return work.get().invoke(result -> {
            Outcome how = outcome.apply(result);
            steps.add(new Step(name, how.status(), startedAt, (System.nanoTime() - start) / 1_000_000, how.detail()));
        });
    }

    List<Step> all() {
        return List.copyOf(steps);
    }

    record Step(String name, String status, Instant startedAt, long durationMs, String detail) {
    }

    record Outcome(String status, String detail) {

        static Outcome completed(String detail) {
            return new Outcome(COMPLETED, detail);
        }
    }
}
