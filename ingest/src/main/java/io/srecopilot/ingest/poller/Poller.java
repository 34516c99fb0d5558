package io.srecopilot.ingest.poller;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Runs due query templates. Each tick a replica claims up to a batch of due templates with
 * {@code FOR UPDATE SKIP LOCKED} and moves them to their next run in the same statement, so
 * replicas never run a template twice; it then runs them a few at a time. A failing template (or
 * Prometheus) is retried after its interval doubled per failure, up to a bound.
 */
@ApplicationScoped
public class Poller {

    private static final Logger LOG = Logger.getLogger(Poller.class);
    private static final int MAX_ERROR = 500;
    /** Keeps one tick from running forever when templates come due faster than they run. */
    private static final int MAX_BATCHES_PER_TICK = 50;

    private final PollerStore store;
    private final PollerConfig config;
    private final TemplateRun run;

    public Poller(PollerStore store, PollerConfig config, TemplateRun run) {
        this.store = store;
        this.config = config;
        this.run = run;
    }

    @Scheduled(every = "${sre.poller.tick:2s}", delayed = "${sre.poller.tick:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        return pollDue().onFailure().invoke(failure -> LOG.warnf("Polling failed: %s", failure.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /**
     * Claims and runs due templates, batch after batch while batches come back full (more are due
     * than one batch holds), up to a bound per tick; emits how many ran.
     */
    public Uni<Integer> pollDue() {
        return pollBatches(0, 0);
    }

    private Uni<Integer> pollBatches(int batchesDone, int ran) {
        return store.claimDue(config.batchSize(), Instant.now()).chain(claimed -> {
            if (claimed.isEmpty()) {
                return Uni.createFrom().item(ran);
            }
            return Multi.createFrom().iterable(claimed).onItem().transformToUni(this::runOne)
                    .merge(config.concurrency()).collect().asList().chain(done -> {
                        boolean moreDue = claimed.size() == config.batchSize() && batchesDone + 1 < MAX_BATCHES_PER_TICK;
                        return moreDue ? pollBatches(batchesDone + 1, ran + done.size())
                                : Uni.createFrom().item(ran + done.size());
                    });
        });
    }

    private Uni<Void> runOne(UUID templateId) {
        Instant now = Instant.now();
        return store.target(templateId).chain(target -> target == null ? Uni.createFrom().voidItem()
                : run.run(target, now).chain(() -> store.succeeded(target, now))
                        .onFailure().recoverWithUni(failure -> {
                            LOG.debugf("Template %s failed: %s", templateId, failure.toString());
                            return store.failed(target, describe(failure), now, config.maxBackoff().toSeconds());
                        }))
                .onFailure().invoke(failure -> LOG.warnf("Template %s could not run: %s", templateId, failure.toString()))
                .onFailure().recoverWithNull();
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.length() <= MAX_ERROR ? message : message.substring(0, MAX_ERROR) + "…";
    }
}
