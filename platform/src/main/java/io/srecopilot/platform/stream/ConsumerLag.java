package io.srecopilot.platform.stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.events.EventsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
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
        String mine = config.consumer().group();
        return StreamGroups.of(redis, config.stream()).map(groups -> {
            groups.stream().filter(group -> group.name().equals(mine)).map(StreamGroups.Group::behind)
                    .filter(Objects::nonNull).findFirst().ifPresent(lag::set);
            return lag.get();
        });
    }
}
