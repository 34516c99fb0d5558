package io.srecopilot.platform.stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.events.EventsConfig;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far this service's consumer group is behind the event stream, for alerting: events not yet
 * read plus those read and not yet acknowledged ({@code sre_events_consumer_lag}), as Redis counts
 * them for the group.
 */
@ApplicationScoped
public class ConsumerLag {

    private final ReactiveRedisDataSource redis;
    private final EventsConfig config;
    private final EventDispatcher dispatcher;
    private final AtomicLong lag = new AtomicLong();

    public ConsumerLag(ReactiveRedisDataSource redis, EventsConfig config, EventDispatcher dispatcher,
            MeterRegistry registry) {
        this.redis = redis;
        this.config = config;
        this.dispatcher = dispatcher;
        Gauge.builder("sre.events.consumer.lag", lag, AtomicLong::get).tag("group", config.consumer().group())
                .description("Events of the stream this service's consumer group has not processed yet").register(registry);
    }

    @Scheduled(every = "${sre.events.consumer.lag-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return dispatcher.hasHandlers() ? measure().onFailure().recoverWithNull().replaceWithVoid() : Uni.createFrom().voidItem();
    }

    /** Reads the group's lag and pending count from XINFO GROUPS; keeps the last value when Redis cannot tell. */
    public Uni<Long> measure() {
        return redis.execute("XINFO", "GROUPS", config.stream()).map(groups -> {
            for (Response group : groups) {
                Long behind = behind(group);
                if (behind != null) {
                    lag.set(behind);
                }
            }
            return lag.get();
        });
    }

    /** The group's lag plus pending when it is this service's group, else null (the client speaks RESP3: maps). */
    private Long behind(Response group) {
        if (!config.consumer().group().equals(String.valueOf(group.get("name")))) {
            return null;
        }
        Response unread = group.get("lag");
        Response pending = group.get("pending");
        // Redis cannot count the lag after some trims: it answers nil, and the last value stays.
        return unread == null ? null : unread.toLong() + (pending == null ? 0 : pending.toLong());
    }
}
