package io.srecopilot.platform.testing;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.EventsConfig;
import jakarta.enterprise.inject.spi.CDI;
import io.quarkus.redis.datasource.stream.StreamRange;
import java.time.Duration;
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
        return redis.stream(String.class).xrange(config.stream(), StreamRange.of("-", "+"))
                .await().atMost(Duration.ofSeconds(10)).stream()
                .filter(message -> tenantId.equals(message.payload().get("tenantId"))
                        && (type == null || type.equals(message.payload().get("type"))))
                .map(message -> codec.decode(message.payload().get("event")))
                .toList();
    }

    /** Appends the events in one MULTI, so a consumer reads them together (as a batch). */
    public static void appendTogether(List<EventEnvelope> events) {
        EventsConfig config = CDI.current().select(EventsConfig.class).get();
        EventCodec codec = CDI.current().select(EventCodec.class).get();
        ReactiveRedisDataSource redis = CDI.current().select(ReactiveRedisDataSource.class).get();
        redis.withTransaction(tx -> {
            Uni<Void> all = Uni.createFrom().voidItem();
            for (EventEnvelope event : events) {
                all = all.call(() -> tx.stream(String.class).xadd(config.stream(), fields(event, codec)));
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
        return redis.stream(String.class).xadd(config.stream(), fields(event, codec)).await()
                .atMost(Duration.ofSeconds(10));
    }
}
