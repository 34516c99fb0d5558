package io.srecopilot.platform.stream;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.stream.PendingMessage;
import io.quarkus.redis.datasource.stream.ReactiveStreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.redis.datasource.stream.XPendingArgs;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.events.EventsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Deals with messages left pending in the partitions this replica holds: those delivered too often
 * are parked, the others (failed here, or left by a replica that died or handed the partition over)
 * are taken over with XAUTOCLAIM and processed again, by the partition's holder.
 */
@ApplicationScoped
public class StuckEventReclaimer {

    private static final Logger LOG = Logger.getLogger(StuckEventReclaimer.class);
    private static final int PAGE = 100;

    private final ReactiveStreamCommands<String, String, String> streams;
    private final EventStreamConsumer consumer;
    private final EventParking parking;
    private final EventsConfig config;

    public StuckEventReclaimer(ReactiveRedisDataSource redis, EventStreamConsumer consumer, EventParking parking,
            EventsConfig config) {
        this.streams = redis.stream(String.class);
        this.consumer = consumer;
        this.parking = parking;
        this.config = config;
    }

    @Scheduled(every = "${sre.events.consumer.reclaim-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> reclaim() {
        if (!consumer.isRunning()) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> all = Uni.createFrom().voidItem();
        for (String stream : consumer.heldStreams()) {
            all = all.call(() -> parkExhausted(stream)).call(() -> takeOverIdle(stream));
        }
        return all
                .onFailure().invoke(failure -> LOG.warnf("Reclaiming pending events failed: %s", failure.toString()))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> parkExhausted(String stream) {
        return streams.xpending(stream, group(), StreamRange.of("-", "+"), PAGE,
                new XPendingArgs().idle(config.consumer().minIdle()))
                .chain(pending -> {
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (PendingMessage message : pending) {
                        if (message.getDeliveryCount() >= config.consumer().maxDeliveries()) {
                            all = all.call(() -> park(stream, message));
                        }
                    }
                    return all;
                });
    }

    private Uni<Void> park(String stream, PendingMessage pending) {
        return streams.xclaim(stream, group(), consumer.consumerName(), config.consumer().minIdle(),
                pending.getMessageId())
                .chain(claimed -> claimed.isEmpty()
                        ? streams.xack(stream, group(), pending.getMessageId()).replaceWithVoid()
                        : parking.park(claimed.get(0), "failed " + pending.getDeliveryCount() + " deliveries",
                                pending.getDeliveryCount()));
    }

    private Uni<Void> takeOverIdle(String stream) {
        return streams.xautoclaim(stream, group(), consumer.consumerName(), config.consumer().minIdle(), "0-0", PAGE)
                .chain(claimed -> {
                    List<StreamMessage<String, String, String>> messages = claimed.getMessages();
                    if (!messages.isEmpty()) {
                        LOG.infof("Took over %d pending events", messages.size());
                    }
                    return consumer.processAll(messages);
                });
    }

    private String group() {
        return config.consumer().group();
    }
}
