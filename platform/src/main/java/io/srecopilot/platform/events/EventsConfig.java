package io.srecopilot.platform.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/** Where events go and how the outbox relay and the stream consumer behave. */
@ConfigMapping(prefix = "sre.events")
public interface EventsConfig {

    /**
     * The Redis Stream every service publishes to and consumes from: the name of its first
     * partition, the others being {@code <stream>:1} … {@code <stream>:<partitions - 1>}.
     */
    @WithDefault("sre:events")
    String stream();

    /**
     * How many streams the events are spread over, by project (a tenant's events outside any
     * project by tenant), so that the replicas of a service share the work with each project's
     * events in order: a partition is read by one replica at a time. More partitions than
     * replicas of the busiest service, few enough that one read over all of them stays cheap.
     * Change it only while the consumers have caught up: a project whose partition changes could
     * otherwise have new events handled before old ones. 16: the production autoscaler runs up to
     * ten replicas of a service.
     */
    @WithDefault("16")
    int partitions();

    /** Approximate cap on the stream's length (XADD MAXLEN ~); older entries are trimmed. */
    @WithDefault("1000000")
    long streamMaxLength();

    /** Prefix of the per-project pub/sub channel {@code <prefix>:<tenantId>:<projectId>}. */
    @WithDefault("sre:rt")
    String realtimeChannelPrefix();

    Outbox outbox();

    Consumer consumer();

    /** The stream of one partition; partition 0 keeps the stream's own name, as with one partition. */
    default String stream(int partition) {
        return partition == 0 ? stream() : stream() + ":" + partition;
    }

    /** Every partition's stream, in partition order. */
    default List<String> streams() {
        return IntStream.range(0, partitions()).mapToObj(this::stream).toList();
    }

    /**
     * The stream that carries a project's events, or those of a tenant that belong to no project
     * (or to no tenant): the same one for every event of the key, so their order holds.
     */
    default String streamFor(UUID tenantId, UUID projectId) {
        // UUID.hashCode is fixed by its specification, so every replica and service agrees.
        return stream(Math.floorMod(OrderingKey.of(tenantId, projectId).hashCode(), partitions()));
    }

    /** The live-update channel of one project. */
    default String realtimeChannel(UUID tenantId, UUID projectId) {
        return realtimeChannelPrefix() + ":" + tenantId + ":" + projectId;
    }

    interface Outbox {

        /** Whether this replica runs the relay that publishes committed outbox rows. */
        @WithDefault("true")
        boolean relayEnabled();

        /**
         * Pause between relay passes when the outbox was drained. The relay is woken as soon as
         * events commit (LISTEN/NOTIFY), so this only bounds how late an event goes out when a
         * wake-up is lost (the listening connection dropped).
         */
        @WithDefault("1s")
        Duration pollInterval();

        /**
         * Least time between the starts of two woken passes: the events committed meanwhile go out
         * together (under load, a pass per commit cost more than it saved).
         */
        @WithDefault("50ms")
        Duration minPassInterval();

        /** Pause before the next pass after a failed publish (Redis down). */
        @WithDefault("1s")
        Duration retryInterval();

        /** Most events one relay pass claims. */
        @WithDefault("200")
        int batchSize();

        /** How long published rows stay in the outbox table, for inspection, before they are purged. */
        @WithDefault("24h")
        Duration retention();

        /** How often published rows are purged and the backlog gauges refreshed. */
        @WithDefault("30s")
        Duration housekeepingInterval();
    }

    interface Consumer {

        /** Whether this replica consumes the stream (when the service has event handlers at all). */
        @WithDefault("true")
        boolean enabled();

        /** The consumer group: one per service, so each service sees every event once. */
        @WithDefault("${quarkus.application.name}")
        String group();

        /** Most messages one read returns. */
        @WithDefault("50")
        int batchSize();

        /**
         * How many ordering keys of one read are processed at once, each in its own transaction
         * (keep it well below the database pool's size).
         */
        @WithDefault("8")
        int concurrency();

        /** How long one read waits for new messages. */
        @WithDefault("2s")
        Duration block();

        /** How often pending messages are checked for takeover or parking. */
        @WithDefault("15s")
        Duration reclaimInterval();

        /** A pending message idle this long is taken over (its consumer died or failed it). */
        @WithDefault("30s")
        Duration minIdle();

        /**
         * Deliveries after which a message is parked instead of retried again; for an event held
         * back by this replica (its key waits behind it), failures, over at least {@code park-after}.
         */
        @WithDefault("5")
        int maxDeliveries();

        /**
         * The first pause before a failed event is tried again; it doubles with each failure, up to
         * {@code min-idle}. Its key's later events wait meanwhile.
         */
        @WithDefault("1s")
        Duration retryPause();

        /**
         * How long an event that keeps failing holds its key back before it is parked (with
         * {@code max-deliveries} failures at least): long enough that a database or Redis outage
         * of a minute or two parks nothing.
         */
        @WithDefault("2m")
        Duration parkAfter();

        /** Where parked (poison) messages go, with their group and delivery count. */
        @WithDefault("sre:events:parked")
        String parkedStream();

        /**
         * How long a replica's claim on a partition lasts unless renewed (a third of it apart):
         * when a replica dies, its partitions wait this long for another.
         */
        @WithDefault("10s")
        Duration leaseTtl();

        /** How long processed event ids are remembered for de-duplication. */
        @WithDefault("7d")
        Duration dedupRetention();
    }
}
