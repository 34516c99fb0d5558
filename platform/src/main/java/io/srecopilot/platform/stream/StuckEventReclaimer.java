package io.srecopilot.platform.stream;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.stream.PendingMessage;
import io.quarkus.redis.datasource.stream.ReactiveStreamCommands;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.redis.datasource.stream.XPendingArgs;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.events.EventsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Deals with messages left pending in the partitions this replica holds, idle for
 * {@code min-idle}: those delivered too often are parked; the others (left by a replica that died,
 * or taken over when it lost its lease) are claimed and processed again, by the partition's holder.
 * Messages this replica is processing, or holds back behind a failed event of their key
 * ({@link OrderedProcessor}), are its own to retry and are left alone.
 */
@ApplicationScoped
public class StuckEventReclaimer {

    private static final Logger LOG = Logger.getLogger(StuckEventReclaimer.class);
    private static final int PAGE = 100;

    private final ReactiveStreamCommands<String, String, String> streams;
    private final EventStreamConsumer consumer;
    private final OrderedProcessor processor;
    private final EventParking parking;
    private final EventsConfig config;

    public StuckEventReclaimer(ReactiveRedisDataSource redis, EventStreamConsumer consumer, OrderedProcessor processor,
            EventParking parking, EventsConfig config) {
        this.streams = redis.stream(String.class);
        this.consumer = consumer;
        this.processor = processor;
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
            all = all.call(() -> reclaim(stream));
        }
        return all
                .onFailure().invoke(failure -> LOG.warnf("Reclaiming pending events failed: %s", failure.toString()))
                .onFailure().recoverWithNull();
    }

    /** One page of the stream's idle pending messages, oldest first. */
    private Uni<Void> reclaim(String stream) {
        return streams.xpending(stream, group(), StreamRange.of("-", "+"), PAGE,
                new XPendingArgs().idle(config.consumer().minIdle()))
                .chain(pending -> {
                    List<PendingMessage> left = pending.stream()
                            .filter(message -> !processor.inHand(message.getMessageId())).toList();
                    Uni<Void> all = Uni.createFrom().voidItem();
                    List<String> toRetry = new ArrayList<>();
                    for (PendingMessage message : left) {
                        if (message.getDeliveryCount() >= config.consumer().maxDeliveries()) {
                            all = all.call(() -> park(stream, message));
                        } else {
                            toRetry.add(message.getMessageId());
                        }
                    }
                    return toRetry.isEmpty() ? all : all.call(() -> takeOver(stream, toRetry));
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

    private Uni<Void> takeOver(String stream, List<String> messageIds) {
        return streams.xclaim(stream, group(), consumer.consumerName(), config.consumer().minIdle(),
                messageIds.toArray(String[]::new))
                .chain(claimed -> {
                    if (!claimed.isEmpty()) {
                        LOG.infof("Took over %d pending events", claimed.size());
                    }
                    return processor.processAll(claimed);
                });
    }

    private String group() {
        return config.consumer().group();
    }
}
