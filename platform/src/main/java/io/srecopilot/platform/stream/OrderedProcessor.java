package io.srecopilot.platform.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.stream.ReactiveStreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.EventsConfig;
import io.srecopilot.platform.events.MalformedEventException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Processes what the consumer read (or the reclaimer took over): each event in its handlers'
 * transaction, acknowledged once it committed, in stream order per ordering key
 * ({@link EventDispatcher#orderingKey}) with up to {@code concurrency} keys at once. An event that
 * fails holds back its key ({@link HeldBackEvents}): its later events wait, unprocessed, until it
 * succeeds or is parked, so no event overtakes an earlier one of its key.
 */
@ApplicationScoped
public class OrderedProcessor {

    private static final Logger LOG = Logger.getLogger(OrderedProcessor.class);

    private final ReactiveStreamCommands<String, String, String> streams;
    private final EventDispatcher dispatcher;
    private final EventParking parking;
    private final EventCodec codec;
    private final EventsConfig.Consumer config;
    private final MeterRegistry registry;
    private final Clock clock;
    private final HeldBackEvents heldBack;
    /** Stream ids being processed now, which the reclaimer must leave alone however long they take. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    public OrderedProcessor(ReactiveRedisDataSource redis, EventDispatcher dispatcher, EventParking parking,
            EventCodec codec, EventsConfig config, MeterRegistry registry) {
        this.streams = redis.stream(String.class);
        this.dispatcher = dispatcher;
        this.parking = parking;
        this.codec = codec;
        this.config = config.consumer();
        this.registry = registry;
        this.clock = Clock.systemUTC();
        this.heldBack = new HeldBackEvents(this.config.retryPause(), this.config.minIdle(), this.config.maxDeliveries(),
                this.config.parkAfter());
        Gauge.builder("sre.events.held.back", heldBack, HeldBackEvents::size)
                .description("Events waiting behind an earlier event of their key that failed")
                .tag("group", this.config.group()).register(registry);
    }

    /** From now on nothing more is processed; what was read stays pending for a live replica. */
    void stop() {
        stopped = true;
    }

    /**
     * Messages of types no handler wants are acknowledged together first (most of a busy stream,
     * for most services), malformed ones parked; the rest run in order per key, those of keys held
     * back joining the wait. Completes when every key is done with, so the order holds across reads.
     */
    public Uni<Void> processAll(List<StreamMessage<String, String, String>> messages) {
        Read read = read(messages);
        return read.asides().chain(() -> inOrderPerKey(read.events()));
    }

    /**
     * A read in one transaction (every handler takes batches), acknowledged in one command. If the
     * batch fails, its events are processed one by one, so the failure stays with the event that
     * caused it; so is a read with an event of a key held back.
     */
    public Uni<Void> processBatch(List<StreamMessage<String, String, String>> messages) {
        if (stopped) {
            return Uni.createFrom().voidItem();
        }
        Read read = read(messages);
        if (read.events().isEmpty()) {
            return read.asides();
        }
        if (read.events().stream().anyMatch(decoded -> heldBack.holds(key(decoded)))) {
            return read.asides().chain(() -> inOrderPerKey(read.events()));
        }
        List<EventEnvelope> events = read.events().stream().map(DecodedMessage::event).toList();
        return read.asides().chain(() -> inFlight(read.events(), dispatcher.dispatchAll(events)))
                .invoke(fresh -> countBatch(events, fresh))
                .chain(() -> acknowledge(read.events().stream().map(DecodedMessage::message).toList()))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("A batch of %d events failed (%s); processing them one by one", events.size(),
                            failure.toString());
                    return inOrderPerKey(read.events());
                });
    }

    /** Tries again the first event of each held-back key that is due, and what follows it. */
    public Uni<Void> retryDue() {
        List<String> due = heldBack.due(clock.millis());
        if (due.isEmpty() || stopped) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(due).onItem().transformToUni(this::retry).merge(config.concurrency())
                .collect().last().replaceWithVoid();
    }

    /** Whether the reclaimer must leave this pending message alone: it is being processed, or held back. */
    public boolean inHand(String messageId) {
        return inFlight.contains(messageId) || heldBack.messageIds().contains(messageId);
    }

    /** Whether events of this partition's stream are held back here (so it is not to be handed over yet). */
    public boolean holdsFrom(String stream) {
        return heldBack.holdsFrom(stream);
    }

    /** How many events are held back, waiting behind a failed one. */
    public int heldBackCount() {
        return heldBack.size();
    }

    private Uni<Void> inOrderPerKey(List<DecodedMessage> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, List<DecodedMessage>> byKey = new LinkedHashMap<>();
        events.forEach(decoded -> byKey.computeIfAbsent(key(decoded), key -> new ArrayList<>()).add(decoded));
        return Multi.createFrom().iterable(byKey.entrySet())
                .onItem().transformToUni(sameKey -> inOrder(sameKey.getKey(), sameKey.getValue()))
                .merge(config.concurrency())
                .collect().last().replaceWithVoid();
    }

    /** One key's events one after another; from the first that fails, the rest are held back with it. */
    private Uni<Void> inOrder(String key, List<DecodedMessage> sameKey) {
        if (heldBack.holds(key)) {
            sameKey.forEach(decoded -> heldBack.append(key, decoded));
            return Uni.createFrom().voidItem();
        }
        return inOrderFrom(key, sameKey, 0);
    }

    private Uni<Void> inOrderFrom(String key, List<DecodedMessage> sameKey, int next) {
        if (next == sameKey.size() || stopped) {
            return Uni.createFrom().voidItem();
        }
        DecodedMessage decoded = sameKey.get(next);
        return process(decoded).chain(succeeded -> {
            if (succeeded) {
                return inOrderFrom(key, sameKey, next + 1);
            }
            heldBack.failed(key, decoded, sameKey.subList(next + 1, sameKey.size()), clock.millis());
            return Uni.createFrom().voidItem();
        });
    }

    /** The key's first held-back event, then the next ones while they succeed. */
    private Uni<Void> retry(String key) {
        DecodedMessage first = heldBack.first(key);
        if (first == null || stopped) {
            return Uni.createFrom().voidItem();
        }
        return process(first).chain(succeeded -> {
            if (succeeded) {
                heldBack.done(key);
                return retry(key);
            }
            int failures = heldBack.failedAgain(key, clock.millis());
            if (failures == 0) {
                return Uni.createFrom().voidItem();
            }
            return parking.park(first.message(), "failed " + failures + " times", failures)
                    .invoke(() -> heldBack.done(key))
                    .chain(() -> retry(key));
        });
    }

    /** Emits whether the event was handled (or had been before) and acknowledged; failures are logged. */
    private Uni<Boolean> process(DecodedMessage decoded) {
        EventEnvelope event = decoded.event();
        return inFlight(List.of(decoded), dispatcher.dispatch(event))
                .invoke(handled -> count(event.type(), handled ? "handled" : "duplicate"))
                .chain(() -> acknowledge(decoded.message()))
                .replaceWith(true)
                .onFailure().recoverWithItem(failure -> {
                    count(event.type(), "failed");
                    LOG.warnf(failure, "Event %s (%s) failed; it and its key's later events wait to be retried",
                            event.id(), event.type());
                    return false;
                });
    }

    private <T> Uni<T> inFlight(List<DecodedMessage> events, Uni<T> work) {
        List<String> ids = events.stream().map(decoded -> decoded.message().id()).toList();
        return Uni.createFrom().deferred(() -> {
            inFlight.addAll(ids);
            return work;
        }).eventually(() -> ids.forEach(inFlight::remove));
    }

    private String key(DecodedMessage decoded) {
        return dispatcher.orderingKey(decoded.event());
    }

    /**
     * Sorts a read: messages of types no handler wants are to be acknowledged, malformed ones
     * parked ({@code asides}, run before the rest), the others decoded, in stream order.
     */
    private Read read(List<StreamMessage<String, String, String>> messages) {
        Map<Boolean, List<StreamMessage<String, String, String>>> byWanted = messages.stream()
                .collect(Collectors.partitioningBy(message -> {
                    String type = message.payload().get("type");
                    return type == null || dispatcher.wants(type);
                }));
        Uni<Void> asides = acknowledge(byWanted.get(false));
        List<DecodedMessage> events = new ArrayList<>();
        for (StreamMessage<String, String, String> message : byWanted.get(true)) {
            try {
                events.add(new DecodedMessage(message, codec.decode(message.payload().get("event"))));
            } catch (MalformedEventException e) {
                asides = asides.call(() -> parking.park(message, e.getMessage(), 1));
            }
        }
        return new Read(asides, events);
    }

    /** A read sorted: what to acknowledge or park first, and the events to handle. */
    private record Read(Uni<Void> asides, List<DecodedMessage> events) {
    }

    private Uni<Void> acknowledge(StreamMessage<String, String, String> message) {
        return streams.xack(message.key(), config.group(), message.id()).replaceWithVoid();
    }

    /** One XACK per partition the messages came from. */
    private Uni<Void> acknowledge(List<StreamMessage<String, String, String>> messages) {
        Map<String, List<String>> idsByStream = messages.stream().collect(Collectors.groupingBy(StreamMessage::key,
                LinkedHashMap::new, Collectors.mapping(StreamMessage::id, Collectors.toList())));
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Map.Entry<String, List<String>> stream : idsByStream.entrySet()) {
            all = all.call(() -> streams.xack(stream.getKey(), config.group(), stream.getValue().toArray(String[]::new)));
        }
        return all;
    }

    private void count(String type, String outcome) {
        Counter.builder("sre.events.consumed")
                .description("Events this service's consumer group processed")
                .tag("group", config.group()).tag("type", type).tag("outcome", outcome)
                .register(registry).increment();
    }

    private void countBatch(List<EventEnvelope> events, List<EventEnvelope> fresh) {
        Set<UUID> handled = fresh.stream().map(EventEnvelope::id).collect(Collectors.toSet());
        events.forEach(event -> count(event.type(), handled.contains(event.id()) ? "handled" : "duplicate"));
    }
}
