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
 * Driven by a Vert.x timer, not the scheduler, whose one-second tick is too coarse for live updates.
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
    private volatile boolean running;
    private volatile int consecutiveFailures;

    public OutboxRelay(OutboxStore store, EventPublisher publisher, EventsConfig config, Vertx vertx,
            MeterRegistry registry) {
        this.store = store;
        this.publisher = publisher;
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

    private void scheduleNextPass(Duration delay) {
        if (running) {
            vertx.setTimer(Math.max(1, delay.toMillis()), ignored -> relayOnce().subscribe().with(
                    count -> scheduleNextPass(count >= config.batchSize() ? Duration.ZERO : config.pollInterval()),
                    failure -> scheduleNextPass(config.retryInterval())));
        }
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
