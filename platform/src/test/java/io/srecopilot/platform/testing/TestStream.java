package io.srecopilot.platform.testing;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.EventsConfig;
import jakarta.enterprise.inject.spi.CDI;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The service's event stream in tests: put events on it as another service would, read what was published. */
public final class TestStream {

    private TestStream() {
    }

    /** The events of one tenant on the stream, in stream order; {@code type} null for every type. */
    public static List<EventEnvelope> published(String tenantId, String type) {
        EventsConfig config = CDI.current().select(EventsConfig.class).get();
        EventCodec codec = CDI.current().select(EventCodec.class).get();
        ReactiveRedisDataSource redis = CDI.current().select(ReactiveRedisDataSource.class).get();
        return everyPartition(redis, config).stream()
                .filter(message -> tenantId.equals(message.payload().get("tenantId"))
                        && (type == null || type.equals(message.payload().get("type"))))
                .map(message -> codec.decode(message.payload().get("event")))
                .toList();
    }

    /**
     * The messages of every partition, oldest first: stream ids start with the millisecond Redis
     * added the entry, so the merge keeps the order within a partition and roughly across them.
     */
    public static List<StreamMessage<String, String, String>> everyPartition(ReactiveRedisDataSource redis,
            EventsConfig config) {
        List<StreamMessage<String, String, String>> all = new ArrayList<>();
        for (String stream : config.streams()) {
            all.addAll(redis.stream(String.class).xrange(stream, StreamRange.of("-", "+")).await()
                    .atMost(Duration.ofSeconds(10)));
        }
        all.sort(Comparator.<StreamMessage<String, String, String>>comparingLong(message -> idPart(message, 0))
                .thenComparingLong(message -> idPart(message, 1)));
        return all;
    }

    private static long idPart(StreamMessage<String, String, String> message, int part) {
        return Long.parseLong(message.id().split("-")[part]);
    }

    /** Appends the events in one MULTI, so a consumer reads them together (as a batch). */
    public static void appendTogether(List<EventEnvelope> events) {
        EventsConfig config = CDI.current().select(EventsConfig.class).get();
        EventCodec codec = CDI.current().select(EventCodec.class).get();
        ReactiveRedisDataSource redis = CDI.current().select(ReactiveRedisDataSource.class).get();
        redis.withTransaction(tx -> {
            Uni<Void> all = Uni.createFrom().voidItem();
            for (EventEnvelope event : events) {
                all = all.call(() -> tx.stream(String.class)
                        .xadd(config.streamFor(event.tenantId(), event.projectId()), fields(event, codec)));
            }
            return all;
        }).await().atMost(Duration.ofSeconds(10));
    }

    private static Map<String, String> fields(EventEnvelope event, EventCodec codec) {
        return Map.of("id", event.id().toString(), "type", event.type(), "tenantId", String.valueOf(event.tenantId()),
                "projectId", String.valueOf(event.projectId()), "event", codec.encode(event));
    }

    /** @return the stream message id */
    public static String append(EventEnvelope event) {
        EventsConfig config = CDI.current().select(EventsConfig.class).get();
        EventCodec codec = CDI.current().select(EventCodec.class).get();
        ReactiveRedisDataSource redis = CDI.current().select(ReactiveRedisDataSource.class).get();
        return redis.stream(String.class).xadd(config.streamFor(event.tenantId(), event.projectId()), fields(event, codec))
                .await()
                .atMost(Duration.ofSeconds(10));
    }
}
