package io.srecopilot.platform.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.stream.ReactiveStreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.XGroupCreateArgs;
import io.quarkus.redis.datasource.stream.XReadGroupArgs;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.EventsConfig;
import io.srecopilot.platform.events.MalformedEventException;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The service's member of its consumer group on the event stream: reads the partitions this
 * replica holds ({@link PartitionLeases}), hands
 * each to the {@link EventDispatcher} and acknowledges it only after the handlers' transaction
 * committed. A failed message stays pending; {@link StuckEventReclaimer} retries or parks it.
 * Runs only in services that declare at least one {@link EventHandler}.
 */
@ApplicationScoped
public class EventStreamConsumer {

    private static final Logger LOG = Logger.getLogger(EventStreamConsumer.class);
    private static final long RETRY_AFTER_FAILURE_MS = 1_000;

    private final ReactiveStreamCommands<String, String, String> streams;
    private final EventDispatcher dispatcher;
    private final EventParking parking;
    private final EventCodec codec;
    private final EventsConfig config;
    private final Vertx vertx;
    private final MeterRegistry registry;
    private final String consumerName;
    private final PartitionLeases leases;
    private volatile boolean running;
    private volatile boolean groupsReady;
    private volatile int consecutiveFailures;

    public EventStreamConsumer(ReactiveRedisDataSource redis, EventDispatcher dispatcher, EventParking parking,
            EventCodec codec, EventsConfig config, Vertx vertx, MeterRegistry registry) {
        this.streams = redis.stream(String.class);
        this.dispatcher = dispatcher;
        this.parking = parking;
        this.codec = codec;
        this.config = config;
        this.vertx = vertx;
        this.registry = registry;
        this.consumerName = hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.leases = new PartitionLeases(redis, config.consumer().group(), consumerName, config.partitions(),
                config.consumer().leaseTtl(), Clock.systemUTC());
        Gauge.builder("sre.events.partitions.held", leases, held -> held.held().size())
                .description("Partitions of the event stream this replica reads")
                .tag("group", config.consumer().group()).register(registry);
    }

    void start(@Observes StartupEvent event) {
        if (config.consumer().enabled() && dispatcher.hasHandlers()) {
            running = true;
            vertx.setPeriodic(leases.renewal().toMillis(), timer -> renewLeases(timer));
            readNext();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (!running) {
            return;
        }
        running = false;
        // Handing the partitions over now spares the other replicas the wait for the leases to expire.
        try {
            leases.releaseAll().await().atMost(Duration.ofSeconds(2));
        } catch (RuntimeException e) {
            LOG.debugf("Partitions not released at shutdown (%s); their leases expire", e.toString());
        }
    }

    private void renewLeases(long timer) {
        if (!running) {
            vertx.cancelTimer(timer);
            return;
        }
        leases.renew().subscribe().with(ignored -> { }, failure -> LOG.debugf("Renewing partition leases failed: %s",
                failure.toString()));
    }

    /** The streams of the partitions this replica reads now. */
    public List<String> heldStreams() {
        return leases.held().stream().map(config::stream).toList();
    }

    public boolean isRunning() {
        return running;
    }

    public String consumerName() {
        return consumerName;
    }

    /**
     * Processes messages in one transaction each: those of types no handler wants are acknowledged
     * together first (most of a busy stream, for most services); the rest run in stream order per
     * ordering key ({@link EventDispatcher#orderingKey}), up to {@code concurrency} keys at once.
     * The next read waits for all of them, so the order per key holds across reads too.
     */
    public Uni<Void> processAll(List<StreamMessage<String, String, String>> messages) {
        Read read = read(messages);
        return read.asides().chain(() -> inOrderPerKey(read.events()));
    }

    private Uni<Void> inOrderPerKey(List<Decoded> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, List<Decoded>> byKey = new LinkedHashMap<>();
        events.forEach(decoded -> byKey.computeIfAbsent(dispatcher.orderingKey(decoded.event()),
                key -> new ArrayList<>()).add(decoded));
        return Multi.createFrom().iterable(byKey.values())
                .onItem().transformToUni(this::inOrder).merge(config.consumer().concurrency())
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> inOrder(List<Decoded> sameKey) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Decoded decoded : sameKey) {
            all = all.call(() -> process(decoded.message(), decoded.event()));
        }
        return all;
    }

    /**
     * Sorts a read: messages of types no handler wants are to be acknowledged, malformed ones
     * parked ({@code asides}, run before the rest), the others decoded, in stream order.
     */
    private Read read(List<StreamMessage<String, String, String>> messages) {
        Map<Boolean, List<StreamMessage<String, String, String>>> byWanted = byWanted(messages);
        Uni<Void> asides = acknowledge(byWanted.get(false));
        List<Decoded> events = new ArrayList<>();
        for (StreamMessage<String, String, String> message : byWanted.get(true)) {
            try {
                events.add(new Decoded(message, codec.decode(message.payload().get("event"))));
            } catch (MalformedEventException e) {
                asides = asides.call(() -> parking.park(message, e.getMessage(), 1));
            }
        }
        return new Read(asides, events);
    }

    /** A read sorted: what to acknowledge or park first, and the events to handle. */
    private record Read(Uni<Void> asides, List<Decoded> events) {
    }

    /** A message and the event it carries. */
    private record Decoded(StreamMessage<String, String, String> message, EventEnvelope event) {
    }

    private void readNext() {
        if (!running) {
            return;
        }
        ensureGroups()
                .chain(leases::settleIfDue)
                .chain(held -> held.isEmpty() ? idle() : streams.xreadgroup(config.consumer().group(), consumerName,
                        newMessagesOf(held),
                        new XReadGroupArgs().count(config.consumer().batchSize()).block(config.consumer().block())))
                .chain(messages -> messages == null ? Uni.createFrom().voidItem()
                        : dispatcher.batches() ? processBatch(messages) : processAll(messages))
                .subscribe().with(ignored -> {
                    readSucceeded();
                    readNext();
                }, failure -> {
                    readFailed(failure);
                    vertx.setTimer(RETRY_AFTER_FAILURE_MS, timer -> readNext());
                });
    }

    /**
     * Processes a read in one transaction (every handler takes batches): events not wanted are
     * acknowledged, malformed ones parked, the rest handled together and acknowledged in one
     * command. If the batch fails, each message is processed on its own, so the failure stays with
     * the event that caused it.
     */
    private Uni<Void> processBatch(List<StreamMessage<String, String, String>> messages) {
        if (!running) {
            return Uni.createFrom().voidItem();
        }
        Read read = read(messages);
        if (read.events().isEmpty()) {
            return read.asides();
        }
        List<EventEnvelope> events = read.events().stream().map(Decoded::event).toList();
        return read.asides().chain(() -> dispatcher.dispatchAll(events))
                .invoke(fresh -> countBatch(events, fresh))
                .chain(() -> acknowledge(read.events().stream().map(Decoded::message).toList()))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("A batch of %d events failed (%s); processing them one by one", events.size(),
                            failure.toString());
                    return inOrderPerKey(read.events());
                });
    }

    /** ">" for each held partition's stream: the messages no member of the group has read yet. */
    private Map<String, String> newMessagesOf(Set<Integer> held) {
        Map<String, String> offsets = new LinkedHashMap<>();
        held.forEach(partition -> offsets.put(config.stream(partition), ">"));
        return offsets;
    }

    /** While the other replicas hold every partition: wait as long as a read would, then settle again. */
    private Uni<List<StreamMessage<String, String, String>>> idle() {
        return Uni.createFrom().emitter(emitter -> vertx.setTimer(config.consumer().block().toMillis(),
                timer -> emitter.complete(null)));
    }

    /**
     * Creates the group on every partition from the stream's start, so events written before the
     * first deployment count too.
     */
    private Uni<Void> ensureGroups() {
        if (groupsReady) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> all = Uni.createFrom().voidItem();
        for (String stream : config.streams()) {
            all = all.call(() -> streams.xgroupCreate(stream, config.consumer().group(), "0",
                    new XGroupCreateArgs().mkstream())
                    .onFailure(failure -> String.valueOf(failure.getMessage()).contains("BUSYGROUP")).recoverWithNull());
        }
        return all.invoke(() -> groupsReady = true);
    }

    private Uni<Void> process(StreamMessage<String, String, String> message, EventEnvelope event) {
        if (!running) {
            // Shutting down: leave it pending; a live replica takes it over after min-idle.
            return Uni.createFrom().voidItem();
        }
        return dispatcher.dispatch(event)
                .invoke(handled -> count(event.type(), handled ? "handled" : "duplicate"))
                .chain(() -> acknowledge(message))
                .onFailure().invoke(failure -> {
                    count(event.type(), "failed");
                    LOG.warnf(failure, "Event %s (%s) failed; it stays pending and will be retried", event.id(), event.type());
                })
                .onFailure().recoverWithNull();
    }

    private Uni<Void> acknowledge(StreamMessage<String, String, String> message) {
        return streams.xack(message.key(), config.consumer().group(), message.id()).replaceWithVoid();
    }

    /** One XACK per partition the messages came from. */
    private Uni<Void> acknowledge(List<StreamMessage<String, String, String>> messages) {
        Map<String, List<String>> idsByStream = messages.stream().collect(Collectors.groupingBy(StreamMessage::key,
                LinkedHashMap::new, Collectors.mapping(StreamMessage::id, Collectors.toList())));
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Map.Entry<String, List<String>> stream : idsByStream.entrySet()) {
            all = all.call(() -> streams.xack(stream.getKey(), config.consumer().group(),
                    stream.getValue().toArray(String[]::new)));
        }
        return all;
    }

    /**
     * Splits a read into messages a handler may want (a wanted type, or none given: the event
     * itself tells) and the rest, in stream order.
     */
    private Map<Boolean, List<StreamMessage<String, String, String>>> byWanted(
            List<StreamMessage<String, String, String>> messages) {
        return messages.stream().collect(Collectors.partitioningBy(message -> {
            String type = message.payload().get("type");
            return type == null || dispatcher.wants(type);
        }));
    }

    private void count(String type, String outcome) {
        Counter.builder("sre.events.consumed")
                .description("Events this service's consumer group processed")
                .tag("group", config.consumer().group()).tag("type", type).tag("outcome", outcome)
                .register(registry).increment();
    }

    private void countBatch(List<EventEnvelope> events, List<EventEnvelope> fresh) {
        Set<UUID> handled = fresh.stream().map(EventEnvelope::id).collect(Collectors.toSet());
        events.forEach(event -> count(event.type(), handled.contains(event.id()) ? "handled" : "duplicate"));
    }

    private void readSucceeded() {
        if (consecutiveFailures > 0) {
            LOG.infof("Event stream consumer %s reconnected after %d failed reads", consumerName, consecutiveFailures);
            consecutiveFailures = 0;
        }
    }

    private void readFailed(Throwable failure) {
        groupsReady = false;
        if (running && consecutiveFailures++ == 0) {
            LOG.warnf("Event stream consumer %s cannot read, retrying: %s", consumerName, failure.toString());
        }
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        return host == null || host.isBlank() ? "local" : host;
    }
}
