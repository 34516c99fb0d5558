package io.srecopilot.realtime;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.EventsConfig;
import io.srecopilot.platform.events.MalformedEventException;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Listens to every project's live channel ({@code sre:rt:*}) and sends each event to this
 * replica's connections of that tenant and project, and to nobody else. Resubscribes when Redis
 * comes back after an outage.
 */
@ApplicationScoped
public class LiveEventBridge {

    private static final Logger LOG = Logger.getLogger(LiveEventBridge.class);
    private static final long RESUBSCRIBE_AFTER_MS = 1_000;

    private final ReactiveRedisDataSource redis;
    private final ProjectConnections connections;
    private final EventCodec codec;
    private final EventsConfig config;
    private final Vertx vertx;
    private final LiveSender sender;
    private final AccessChanges accessChanges;
    private volatile boolean running;

    public LiveEventBridge(ReactiveRedisDataSource redis, ProjectConnections connections, EventCodec codec,
            EventsConfig config, Vertx vertx, LiveSender sender, AccessChanges accessChanges, MeterRegistry registry) {
        this.redis = redis;
        this.connections = connections;
        this.codec = codec;
        this.config = config;
        this.vertx = vertx;
        this.sender = sender;
        this.accessChanges = accessChanges;
        Gauge.builder("sre.realtime.connections", connections, ProjectConnections::count)
                .description("Open WebSocket connections on this replica").register(registry);
    }

    void start(@Observes StartupEvent event) {
        running = true;
        subscribe();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
    }

    private void subscribe() {
        if (!running) {
            return;
        }
        redis.pubsub(String.class).subscribeToPattern(config.realtimeChannelPrefix() + ":*",
                (channel, payload) -> forward(payload), this::resubscribeLater, failure -> resubscribeLater())
                .subscribe().with(subscriber -> LOG.infof("Listening to %s:*", config.realtimeChannelPrefix()),
                        failure -> {
                            LOG.warnf("Cannot subscribe to live channels yet: %s", failure.toString());
                            resubscribeLater();
                        });
    }

    private void resubscribeLater() {
        if (running) {
            vertx.setTimer(RESUBSCRIBE_AFTER_MS, timer -> subscribe());
        }
    }

    void forward(String payload) {
        EventEnvelope event;
        try {
            event = codec.decode(payload);
        } catch (MalformedEventException e) {
            LOG.warnf("Ignored a live message that is not an event: %s", e.getMessage());
            return;
        }
        accessChanges.apply(event);
        if (!LiveMessage.isLive(event.type()) || event.tenantId() == null || event.projectId() == null) {
            return;
        }
        sender.event(event, connections.of(event.tenantId(), event.projectId()));
    }
}
