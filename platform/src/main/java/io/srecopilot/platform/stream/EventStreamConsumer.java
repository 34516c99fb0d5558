package io.srecopilot.platform.stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.stream.ReactiveStreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.XGroupCreateArgs;
import io.quarkus.redis.datasource.stream.XReadGroupArgs;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.events.EventsConfig;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The service's member of its consumer group on the event stream: reads the partitions this
 * replica holds ({@link PartitionLeases}) and hands what it read to the {@link OrderedProcessor},
 * which acknowledges each event once its handlers' transaction committed and holds back the later
 * events of a key whose event failed. A partition is handed over only while nothing of it is held
 * back; one just claimed is first rid of what its previous holders left pending, so that nothing
 * new of it is processed before them. Runs only in services that declare at least one
 * {@link EventHandler}.
 */
@ApplicationScoped
public class EventStreamConsumer {

    private static final Logger LOG = Logger.getLogger(EventStreamConsumer.class);
    private static final long RETRY_AFTER_FAILURE_MS = 1_000;
    private static final int TAKE_OVER_PAGE = 100;
    /**
     * Past this many events held back (an outage of the database fails every key), no more are
     * read until they drain: they wait in the stream rather than in memory, and the lag shows it.
     */
    private static final int MOST_HELD_BACK = 10_000;

    private final ReactiveStreamCommands<String, String, String> streams;
    private final EventDispatcher dispatcher;
    private final OrderedProcessor processor;
    private final EventsConfig config;
    private final Vertx vertx;
    private final String consumerName;
    private final PartitionLeases leases;
    private volatile boolean running;
    private volatile boolean groupsReady;
    private volatile int consecutiveFailures;

    public EventStreamConsumer(ReactiveRedisDataSource redis, EventDispatcher dispatcher, OrderedProcessor processor,
            EventsConfig config, Vertx vertx, MeterRegistry registry) {
        this.streams = redis.stream(String.class);
        this.dispatcher = dispatcher;
        this.processor = processor;
        this.config = config;
        this.vertx = vertx;
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
        processor.stop();
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
     * One turn: held-back events that are due, the partitions' share, what a newly claimed
     * partition holds pending, then a read of new messages and their processing.
     */
    private void readNext() {
        if (!running) {
            return;
        }
        ensureGroups()
                .chain(processor::retryDue)
                .chain(() -> leases.settleIfDue(partition -> processor.holdsFrom(config.stream(partition))))
                .call(held -> takeOverClaimed())
                .chain(held -> held.isEmpty() || processor.heldBackCount() >= MOST_HELD_BACK ? idle()
                        : streams.xreadgroup(config.consumer().group(), consumerName, newMessagesOf(held),
                                new XReadGroupArgs().count(config.consumer().batchSize()).block(config.consumer().block())))
                .chain(messages -> messages == null ? Uni.createFrom().voidItem()
                        : dispatcher.batches() ? processor.processBatch(messages) : processor.processAll(messages))
                .subscribe().with(ignored -> {
                    readSucceeded();
                    readNext();
                }, failure -> {
                    readFailed(failure);
                    vertx.setTimer(RETRY_AFTER_FAILURE_MS, timer -> readNext());
                });
    }

    /**
     * The partitions just claimed: what is pending in them was left by their previous holders
     * (held back there, or read by a replica that died), and goes first.
     */
    private Uni<Void> takeOverClaimed() {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (int partition : leases.takeFreshlyClaimed()) {
            String stream = config.stream(partition);
            all = all.call(() -> takeOverLeftovers(stream, "0-0"));
        }
        return all;
    }

    private Uni<Void> takeOverLeftovers(String stream, String cursor) {
        return streams.xautoclaim(stream, config.consumer().group(), consumerName, Duration.ZERO, cursor, TAKE_OVER_PAGE)
                .chain(claimed -> {
                    List<StreamMessage<String, String, String>> leftovers = claimed.getMessages().stream()
                            .filter(message -> !processor.inHand(message.id())).toList();
                    if (!leftovers.isEmpty()) {
                        LOG.infof("Took over %d events left pending in %s by its previous holder", leftovers.size(), stream);
                    }
                    Uni<Void> processed = processor.processAll(leftovers);
                    return "0-0".equals(claimed.getId()) ? processed
                            : processed.chain(() -> takeOverLeftovers(stream, claimed.getId()));
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
