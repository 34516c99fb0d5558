package io.srecopilot.platform.stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.events.EventsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far this service's consumer group is behind the event stream (all partitions), for alerting: events not yet
 * read plus those read and not yet acknowledged ({@code sre_events_consumer_lag}), as Redis counts
 * them for the group; and how late it is, in seconds ({@code sre_events_consumer_lag_seconds}): the
 * age of the oldest of those events, what an on-call engineer feels as "alerts arrive late".
 */
@ApplicationScoped
public class ConsumerLag {

    private final ReactiveRedisDataSource redis;
    private final EventsConfig config;
    private final EventDispatcher dispatcher;
    private final AtomicLong lag = new AtomicLong();
    private final AtomicReference<Double> secondsBehind = new AtomicReference<>(0.0);

    public ConsumerLag(ReactiveRedisDataSource redis, EventsConfig config, EventDispatcher dispatcher,
            MeterRegistry registry) {
        this.redis = redis;
        this.config = config;
        this.dispatcher = dispatcher;
        Gauge.builder("sre.events.consumer.lag", lag, AtomicLong::get).tag("group", config.consumer().group())
                .description("Events of the stream this service's consumer group has not processed yet").register(registry);
        Gauge.builder("sre.events.consumer.lag.seconds", secondsBehind, AtomicReference::get)
                .tag("group", config.consumer().group()).baseUnit("seconds")
                .description("Age of the oldest event this service's consumer group has not processed yet (0 when none)")
                .register(registry);
    }

    @Scheduled(every = "${sre.events.consumer.lag-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return dispatcher.hasHandlers() ? measure().onFailure().recoverWithNull().replaceWithVoid() : Uni.createFrom().voidItem();
    }

    /**
     * Reads the group's lag and pending count from XINFO GROUPS, summed over the partitions, and
     * how late it is (the latest partition); keeps the last values when Redis cannot tell.
     */
    public Uni<Long> measure() {
        String mine = config.consumer().group();
        return StreamGroups.across(redis, config.streams(), Instant.now(), mine::equals).map(groups -> {
            Optional<StreamGroups.Across> group = groups.stream().findFirst();
            group.map(StreamGroups.Across::behind).filter(Objects::nonNull).ifPresent(lag::set);
            group.ifPresent(found -> secondsBehind.set(found.secondsBehind()));
            return lag.get();
        });
    }

    /** The last measured age of the oldest event not processed yet, in seconds. */
    public double secondsBehind() {
        return secondsBehind.get();
    }
}
