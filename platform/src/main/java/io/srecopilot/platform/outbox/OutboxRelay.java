package io.srecopilot.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.events.EventsConfig;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Redis, oldest first, then marks them published in the same
 * transaction. Any number of replicas may run it: rows are claimed with SKIP LOCKED and
 * {@link PublishOrder} keeps each project's events in order. While Redis is down nothing is
 * marked, so every event waits in the table and goes out, in order, once Redis is back.
 * Woken by {@link OutboxWakeUp} as soon as a transaction that wrote events commits; a Vert.x timer
 * (not the scheduler, whose one-second tick is too coarse) polls besides, in case a wake-up is lost.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxStore store;
    private final EventPublisher publisher;
    private final EventsConfig.Outbox config;
    private final Vertx vertx;
    private final Counter published;
    private final Counter failedPasses;
    private final OutboxWakeUp wakeUp;
    private volatile boolean running;
    private volatile int consecutiveFailures;
    // Guarded by this: the timer of the next pass (-1: none), whether a pass runs, whether it was woken.
    private long nextPass = -1;
    private boolean passing;
    private boolean wokenDuringPass;
    private long lastPassStarted;

    public OutboxRelay(OutboxStore store, EventPublisher publisher, EventsConfig config, Vertx vertx,
            MeterRegistry registry, OutboxWakeUp wakeUp) {
        this.store = store;
        this.publisher = publisher;
        this.wakeUp = wakeUp;
        this.config = config.outbox();
        this.vertx = vertx;
        this.published = Counter.builder("sre.outbox.published").description("Events published from the outbox")
                .register(registry);
        this.failedPasses = Counter.builder("sre.outbox.publish.failures")
                .description("Relay passes that could not publish (Redis or PostgreSQL unavailable)").register(registry);
    }

    void start(@Observes StartupEvent event) {
        if (config.relayEnabled()) {
            running = true;
            scheduleNextPass(Duration.ZERO);
            wakeUp.listen(this::wake);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
    }

    /** One pass: claim, keep what may go out in order, publish, mark. Emits how many were published. */
    public Uni<Integer> relayOnce() {
        return store.inTransaction(connection -> store.claim(connection, config.batchSize())
                .chain(claimed -> claimed.isEmpty()
                        ? Uni.createFrom().item(List.<PendingEvent>of())
                        : store.firstForeignSeq(connection, claimed).map(first -> PublishOrder.publishable(claimed, first)))
                .chain(ready -> ready.isEmpty()
                        ? Uni.createFrom().item(0)
                        : publisher.publish(ready).chain(() -> store.markPublished(connection, ready)).replaceWith(ready.size())))
                .invoke(this::succeeded)
                .onFailure().invoke(this::failed);
    }

    /** Events were committed: pass now, or right after the pass under way (which may have missed them). */
    synchronized void wake() {
        if (!running) {
            return;
        }
        if (passing) {
            wokenDuringPass = true;
        } else if (nextPass >= 0 && vertx.cancelTimer(nextPass)) {
            scheduleNextPass(untilSpaced());
        }
    }

    private synchronized void scheduleNextPass(Duration delay) {
        if (running) {
            nextPass = vertx.setTimer(Math.max(1, delay.toMillis()), ignored -> pass());
        }
    }

    private void pass() {
        synchronized (this) {
            nextPass = -1;
            passing = true;
            wokenDuringPass = false;
            lastPassStarted = System.nanoTime();
        }
        relayOnce().subscribe().with(
                count -> afterPass(count >= config.batchSize() ? Duration.ZERO : config.pollInterval(), true),
                failure -> afterPass(config.retryInterval(), false));
    }

    private synchronized void afterPass(Duration next, boolean succeeded) {
        passing = false;
        scheduleNextPass(succeeded && wokenDuringPass ? untilSpaced() : next);
    }

    /**
     * How long a woken pass waits: until {@code min-pass-interval} after the last one started. A
     * quiet outbox's first event goes out at once; under load the commits of that interval go out
     * in one pass, one transaction and one Redis round trip, rather than one pass per commit.
     */
    private Duration untilSpaced() {
        long elapsed = System.nanoTime() - lastPassStarted;
        return Duration.ofNanos(Math.max(0, config.minPassInterval().toNanos() - elapsed));
    }

    private void succeeded(int count) {
        published.increment(count);
        if (consecutiveFailures > 0) {
            LOG.infof("Outbox relay recovered after %d failed passes", consecutiveFailures);
            consecutiveFailures = 0;
        }
    }

    private void failed(Throwable failure) {
        if (!running && config.relayEnabled()) {
            LOG.debugf("Outbox relay pass interrupted by shutdown: %s", failure.toString());
            return;
        }
        failedPasses.increment();
        if (consecutiveFailures++ == 0) {
            LOG.warnf("Outbox relay cannot publish, events stay in the outbox until it can: %s", failure.toString());
        } else {
            LOG.debugf("Outbox relay pass failed again: %s", failure.toString());
        }
    }
}
