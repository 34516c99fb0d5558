package io.srecopilot.ai.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.vertx.SafeContext;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Runs started analyses off the event consumer, {@code sre.analysis.concurrency} at a time, and
 * sweeps every few seconds for what nobody is running: analyses whose lease ran out (their worker
 * died, or a dependency failed) are taken over with one more attempt, or failed after
 * {@value #MAX_ATTEMPTS}; analyses due to run once more because their metrics were not all in are
 * started again. Every replica sweeps; {@code FOR UPDATE SKIP LOCKED} gives each analysis to one.
 */
@ApplicationScoped
public class AnalysisWorker {

    static final int MAX_ATTEMPTS = 3;
    private static final int BATCH = 50;
    private static final Logger LOG = Logger.getLogger(AnalysisWorker.class);

    private static final String TAKE_OVER = """
            UPDATE analysis SET attempts = attempts + 1, lease_until = now() + make_interval(secs => $1)
             WHERE id IN (SELECT id FROM analysis WHERE status = 'running' AND lease_until < now() AND attempts < $2
                          ORDER BY lease_until LIMIT $3 FOR UPDATE SKIP LOCKED)
            RETURNING id, attempts""";
    private static final String GIVEN_UP = """
            SELECT id, attempts FROM analysis WHERE status = 'running' AND lease_until < now() AND attempts >= $1
             ORDER BY lease_until LIMIT $2""";
    private static final String RERUNS_DUE = """
            SELECT id FROM analysis WHERE rerun_at IS NOT NULL AND rerun_at <= now() ORDER BY rerun_at LIMIT $1""";

    private final AnalysisRunner runner;
    private final AnalysisService analyses;
    private final SafeContext safeContext;
    private final Pool pool;
    private final int concurrency;
    private final Duration lease;
    private final Queue<Attempt> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger running = new AtomicInteger();

    public AnalysisWorker(AnalysisRunner runner, AnalysisService analyses, SafeContext safeContext, Pool pool,
            AnalysisConfig config) {
        this.runner = runner;
        this.analyses = analyses;
        this.safeContext = safeContext;
        this.pool = pool;
        this.concurrency = config.concurrency();
        this.lease = config.lease();
    }

    /** Runs attempt {@code attempt} of the analysis as soon as a slot is free. */
    public void submit(UUID analysisId, int attempt) {
        queue.add(new Attempt(analysisId, attempt));
        drain();
    }

    private void drain() {
        while (true) {
            int now = running.get();
            if (now >= concurrency || queue.isEmpty()) {
                return;
            }
            if (!running.compareAndSet(now, now + 1)) {
                continue;
            }
            Attempt next = queue.poll();
            if (next == null) {
                running.decrementAndGet();
                return;
            }
            safeContext.run(() -> runner.run(next.analysisId(), next.attempt())).subscribe().with(
                    done -> finished(),
                    failure -> {
                        LOG.debugf("Analysis %s attempt %d did not finish: %s", next.analysisId(), next.attempt(),
                                failure.toString());
                        finished();
                    });
        }
    }

    private void finished() {
        running.decrementAndGet();
        drain();
    }

    @Scheduled(every = "${sre.analysis.sweep:5s}", delayed = "${sre.analysis.sweep:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return safeContext.run(() -> takeOver().chain(this::giveUp).chain(this::rerunsDue))
                .onFailure().invoke(failure -> LOG.warnf("The analysis sweep failed: %s", failure.toString()))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> takeOver() {
        return pool.preparedQuery(TAKE_OVER).execute(Tuple.of(lease.toSeconds(), MAX_ATTEMPTS, BATCH))
                .invoke(rows -> rows.forEach(row -> {
                    LOG.infof("Taking over analysis %s (attempt %d): its lease ran out", row.getUUID("id"),
                            row.getInteger("attempts"));
                    submit(row.getUUID("id"), row.getInteger("attempts"));
                })).replaceWithVoid();
    }

    private Uni<Void> giveUp() {
        return pool.preparedQuery(GIVEN_UP).execute(Tuple.of(MAX_ATTEMPTS, BATCH)).chain(rows -> {
            List<Row> found = new ArrayList<>();
            rows.forEach(found::add);
            return Multi.createFrom().iterable(found).onItem().transformToUniAndConcatenate(row -> runner
                    .giveUp(row.getUUID("id"), row.getInteger("attempts"))).collect().last();
        }).replaceWithVoid();
    }

    private Uni<Void> rerunsDue() {
        return pool.preparedQuery(RERUNS_DUE).execute(Tuple.of(BATCH)).chain(rows -> {
            List<UUID> due = new ArrayList<>();
            rows.forEach(row -> due.add(row.getUUID("id")));
            return Multi.createFrom().iterable(due).onItem()
                    .transformToUniAndConcatenate(id -> analyses.startOnArrivedData(id)
                            .invoke(started -> {
                                if (started != null) {
                                    submit(started.id, started.attempts);
                                }
                            }))
                    .collect().last();
        }).replaceWithVoid();
    }

    private record Attempt(UUID analysisId, int attempt) {
    }
}
