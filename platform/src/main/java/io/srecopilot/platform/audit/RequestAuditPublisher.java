package io.srecopilot.platform.audit;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.EventsConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Appends request records straight to the event stream, as the outbox relay appends events (same
 * fields, so consumers skip them by type without a database write). Not through the outbox: a
 * refused request has no transaction to join, and no service may slow down or fail for its audit
 * trail. While Redis is down these records are lost, and counted in the log.
 */
@ApplicationScoped
public class RequestAuditPublisher {

    private static final Logger LOG = Logger.getLogger(RequestAuditPublisher.class);

    private final ReactiveRedisDataSource redis;
    private final EventsConfig config;
    private final EventCodec codec;

    public RequestAuditPublisher(ReactiveRedisDataSource redis, EventsConfig config, EventCodec codec) {
        this.redis = redis;
        this.config = config;
        this.codec = codec;
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
                status, "refused", UUID.randomUUID().toString(), RequestAuditFilter.clientAddress(
                        http.getHeader("X-Forwarded-For"), http), http.getHeader("User-Agent"));
        publish(EventEnvelope.create(RequestAuditFilter.TYPE, null, null, Actor.system("anonymous"),
                RequestAuditFilter.resourceOf(http.path()), codec.toData(record)));
    }

    void publish(EventEnvelope event) {
        redis.execute("XADD", config.stream(), "MAXLEN", "~", Long.toString(config.streamMaxLength()), "*",
                "id", event.id().toString(), "type", event.type(), "tenantId", String.valueOf(event.tenantId()),
                "projectId", String.valueOf(event.projectId()), "event", codec.encode(event))
                .subscribe().with(added -> { }, failure -> LOG.warnf("Request record %s not audited: %s", event.id(),
                        failure.toString()));
    }
}
