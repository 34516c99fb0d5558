package io.srecopilot.ai.service;

import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.rest.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The steps of one analysis as they ran — name, status, start, duration, detail — so that anyone
 * can see what an analysis did, what it could not do, and where its time went. A step that fails
 * is recorded as failed, with why, and fails the analysis with a {@link StepFailure}.
 */
final class AnalysisSteps {

    static final String COMPLETED = "completed";
    static final String FAILED = "failed";

    private final List<Step> steps = Collections.synchronizedList(new ArrayList<>());

    /** Runs one step now (call it when the step is due); {@code outcome} says how it went. */
    <T> Uni<T> run(String name, Supplier<Uni<T>> work, Function<T, Outcome> outcome) {
        Instant startedAt = Timestamps.now();
        long start = System.nanoTime();
        Uni<T> started;
        try {
            started = work.get();
        } catch (RuntimeException e) {
            started = Uni.createFrom().failure(e);
        }
        return started.invoke(result -> {
            Outcome how = outcome.apply(result);
            steps.add(new Step(name, how.status(), startedAt, elapsedMs(start), how.detail()));
        }).onFailure(failure -> !(failure instanceof StepFailure)).transform(failure -> {
            steps.add(new Step(name, FAILED, startedAt, elapsedMs(start), StepFailure.reasonOf(failure)));
            return new StepFailure(name, failure);
        });
    }

    List<Step> all() {
        return List.copyOf(steps);
    }

    private static long elapsedMs(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    record Step(String name, String status, Instant startedAt, long durationMs, String detail) {
    }

    record Outcome(String status, String detail) {

        static Outcome completed(String detail) {
            return new Outcome(COMPLETED, detail);
        }
    }

    /** The step of an analysis that failed, and why. */
    static final class StepFailure extends RuntimeException {

        private final String step;

        StepFailure(String step, Throwable cause) {
            super(step + ": " + reasonOf(cause), cause);
            this.step = step;
        }

        String step() {
            return step;
        }

        String reason() {
            return reasonOf(getCause());
        }

        static String reasonOf(Throwable failure) {
            String message = failure.getMessage();
            String reason = failure.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
            return reason.length() <= 500 ? reason : reason.substring(0, 499) + "…";
        }
    }
}
