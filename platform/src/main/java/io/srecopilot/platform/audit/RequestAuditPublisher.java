package io.srecopilot.platform.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.EventsConfig;
import io.srecopilot.platform.events.catalog.EventTypes;
import io.srecopilot.platform.net.ClientAddresses;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Appends request records straight to the event stream, as the outbox relay appends events (same
 * fields, so consumers skip them by type without a database write). Not through the outbox: a
 * refused request has no transaction to join, and no service may slow down or fail for its audit
 * trail. While Redis is down, records wait in memory, oldest first, and are appended when it is
 * back; beyond {@code sre.audit.requests.buffer} of them the newest are lost, and counted.
 */
@ApplicationScoped
public class RequestAuditPublisher {

    private static final Logger LOG = Logger.getLogger(RequestAuditPublisher.class);
    private static final long RETRY_EVERY_MS = 2_000;

    private final ReactiveRedisDataSource redis;
    private final EventsConfig config;
    private final EventCodec codec;
    private final Vertx vertx;
    private final ClientAddresses clientAddresses;
    private final int capacity;
    private final Counter lost;
    private final Deque<EventEnvelope> waiting = new ArrayDeque<>();
    private boolean retrying;

    public RequestAuditPublisher(ReactiveRedisDataSource redis, EventsConfig config, EventCodec codec, Vertx vertx,
            ClientAddresses clientAddresses, MeterRegistry registry, @ConfigProperty(name = "sre.audit.requests.buffer", defaultValue = "10000") int capacity) {
        this.redis = redis;
        this.config = config;
        this.codec = codec;
        this.vertx = vertx;
        this.clientAddresses = clientAddresses;
        this.capacity = capacity;
        this.lost = Counter.builder("sre.audit.requests.lost")
                .description("Request records dropped: Redis was down and the waiting records filled the buffer")
                .register(registry);
        Gauge.builder("sre.audit.requests.waiting", this, RequestAuditPublisher::waitingCount)
                .description("Request records waiting for Redis").register(registry);
    }

    EventCodec codec() {
        return codec;
    }

    /**
     * A refused WebSocket handshake (not a JAX-RS request, so {@link RequestAuditFilter} does not
     * see it): recorded like any refused request, the caller unknown.
     */
    public void refusedHandshake(HttpServerRequest http, int status) {
        RequestAuditFilter.RequestRecord record = RequestAuditFilter.RequestRecord.of(http.method().name(), http.path(),
                status, "refused", UUID.randomUUID().toString(), clientAddresses.of(http),
                http.getHeader("User-Agent"));
        publish(EventEnvelope.create(EventTypes.HTTP_REQUEST, null, null, Actor.system("anonymous"),
                RequestAuditFilter.resourceOf(http.path()), codec.toData(record)));
    }

    void publish(EventEnvelope event) {
        if (waitingCount() > 0) {
            hold(event); // behind the older ones, which go first
            return;
        }
        append(event).subscribe().with(added -> { }, failure -> {
            LOG.warnf("Request records wait for Redis: %s", failure.toString());
            hold(event);
        });
    }

    synchronized int waitingCount() {
        return waiting.size();
    }

    private Uni<Void> append(EventEnvelope event) {
        return redis.execute("XADD", config.streamFor(event.tenantId(), event.projectId()), "MAXLEN", "~",
                Long.toString(config.streamMaxLength()), "*",
                "id", event.id().toString(), "type", event.type(), "tenantId", String.valueOf(event.tenantId()),
                "projectId", String.valueOf(event.projectId()), "event", codec.encode(event)).replaceWithVoid();
    }

    private synchronized void hold(EventEnvelope event) {
        if (waiting.size() >= capacity) {
            lost.increment();
            return;
        }
        waiting.addLast(event);
        if (!retrying) {
            retrying = true;
            vertx.setTimer(RETRY_EVERY_MS, timer -> drain());
        }
    }

    /** Appends the waiting records oldest first; stops at the first failure and tries again later. */
    private void drain() {
        EventEnvelope next;
        synchronized (this) {
            next = waiting.peekFirst();
            if (next == null) {
                retrying = false;
                LOG.info("Request records caught up with Redis");
                return;
            }
        }
        append(next).subscribe().with(added -> {
            synchronized (this) {
                waiting.pollFirst();
            }
            drain();
        }, failure -> vertx.setTimer(RETRY_EVERY_MS, timer -> drain()));
    }
}
