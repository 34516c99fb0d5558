package io.srecopilot.incidents.notification;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.vertx.SafeContext;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries: claims a batch (committed, so other replicas skip it), sends each over
 * its channel outside any transaction, then records each outcome in its own transaction. Driven
 * by a Vert.x timer; a full batch is followed at once by the next one.
 */
@ApplicationScoped
public class NotificationDeliverer {

    private static final Logger LOG = Logger.getLogger(NotificationDeliverer.class);

    private final DeliveryStore store;
    private final DeliveryRecorder recorder;
    private final Map<ChannelType, ChannelSender> senders;
    private final NotificationsConfig config;
    private final SafeContext safeContext;
    private final Vertx vertx;
    private volatile boolean running;

    public NotificationDeliverer(DeliveryStore store, DeliveryRecorder recorder, Instance<ChannelSender> senders,
            NotificationsConfig config, SafeContext safeContext, Vertx vertx) {
        this.store = store;
        this.recorder = recorder;
        this.senders = senders.stream().collect(Collectors.toMap(ChannelSender::type, Function.identity()));
        this.config = config;
        this.safeContext = safeContext;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        if (config.enabled()) {
            running = true;
            scheduleNextPass(config.pollInterval());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
    }

    /** One pass; emits how many deliveries were attempted. */
    public Uni<Integer> deliverOnce() {
        return safeContext.run(() -> Panache.withTransaction(() -> store.claim(config.batchSize(), config.lease())
                .chain(this::load)))
                .chain(claimed -> claimed.isEmpty() ? Uni.createFrom().item(0)
                        : Uni.join().all(claimed.stream().map(this::attempt).toList()).andCollectFailures()
                                .replaceWith(claimed.size()));
    }

    private record Claimed(NotificationDelivery delivery, NotificationChannel channel) {
    }

    private Uni<List<Claimed>> load(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return NotificationDelivery.<NotificationDelivery>list("id in ?1", ids).chain(deliveries -> NotificationChannel
                .<NotificationChannel>list("id in ?1", deliveries.stream().map(delivery -> delivery.channelId).toList())
                .map(channels -> {
                    Map<UUID, NotificationChannel> byId = channels.stream()
                            .collect(Collectors.toMap(channel -> channel.id, Function.identity()));
                    return deliveries.stream().map(delivery -> new Claimed(delivery, byId.get(delivery.channelId))).toList();
                }));
    }

    private Uni<Void> attempt(Claimed claimed) {
        Uni<DeliveryOutcome> outcome = claimed.channel().enabled
                ? Uni.createFrom().deferred(() -> senders.get(claimed.channel().type)
                        .send(claimed.channel(), claimed.delivery()))
                        .map(DeliveryOutcome::delivered)
                        .onFailure().recoverWithItem(DeliveryOutcome::failed)
                : Uni.createFrom().item(DeliveryOutcome.refused("The channel is disabled"));
        return outcome.chain(result -> safeContext.run(() -> Panache.withTransaction(
                () -> recorder.record(claimed.delivery().id, claimed.channel(), result))))
                .onFailure().invoke(failure -> LOG.warnf("Recording delivery %s failed; it is retried when its lease"
                        + " ends: %s", claimed.delivery().id, failure.toString()));
    }

    private void scheduleNextPass(Duration delay) {
        if (running) {
            vertx.setTimer(Math.max(1, delay.toMillis()), ignored -> deliverOnce().subscribe().with(
                    count -> scheduleNextPass(count >= config.batchSize() ? Duration.ZERO : config.pollInterval()),
                    failure -> {
                        LOG.warnf("Notification delivery pass failed: %s", failure.toString());
                        scheduleNextPass(config.pollInterval().multipliedBy(5));
                    }));
        }
    }
}
