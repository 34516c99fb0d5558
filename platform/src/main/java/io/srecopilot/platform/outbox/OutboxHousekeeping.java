package io.srecopilot.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.events.EventsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Purges published rows past their retention and exposes the backlog: {@code sre_outbox_pending}
 * and {@code sre_outbox_oldest_pending_seconds} are what to alert on when events stop flowing.
 */
@ApplicationScoped
public class OutboxHousekeeping {

    private static final Logger LOG = Logger.getLogger(OutboxHousekeeping.class);
    private static final int PURGE_BATCH = 5_000;

    private final OutboxStore store;
    private final EventsConfig.Outbox config;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();

    public OutboxHousekeeping(OutboxStore store, EventsConfig config, MeterRegistry registry) {
        this.store = store;
        this.config = config.outbox();
        Gauge.builder("sre.outbox.pending", pending, AtomicLong::get)
                .description("Events committed but not yet published").register(registry);
        Gauge.builder("sre.outbox.oldest.pending.seconds", oldestPendingSeconds, AtomicLong::get)
                .description("Age of the oldest unpublished event").register(registry);
    }

    @Scheduled(every = "${sre.events.outbox.housekeeping-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return store.purgePublished(config.retention(), PURGE_BATCH)
                .chain(store::backlog)
                .invoke(this::record)
                .replaceWithVoid()
                .onFailure().invoke(failure -> LOG.warnf("Outbox housekeeping failed: %s", failure.toString()))
                .onFailure().recoverWithNull();
    }

    private void record(OutboxStore.Backlog backlog) {
        pending.set(backlog.pending());
        oldestPendingSeconds.set(backlog.oldest() == null ? 0
                : Math.max(0, Duration.between(backlog.oldest(), OffsetDateTime.now()).toSeconds()));
    }
}
