package io.srecopilot.platform.testing;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.EventsConfig;
import jakarta.enterprise.inject.spi.CDI;
import java.time.Duration;
import java.util.Map;

/** Puts an event on the service's stream exactly as another service's outbox relay would. */
public final class TestStream {

    private TestStream() {
    }

    /** @return the stream message id */
    public static String append(EventEnvelope event) {
        EventsConfig config = CDI.current().select(EventsConfig.class).get();
        EventCodec codec = CDI.current().select(EventCodec.class).get();
        ReactiveRedisDataSource redis = CDI.current().select(ReactiveRedisDataSource.class).get();
        return redis.stream(String.class).xadd(config.stream(), Map.of(
                "id", event.id().toString(),
                "type", event.type(),
                "tenantId", String.valueOf(event.tenantId()),
                "projectId", String.valueOf(event.projectId()),
                "event", codec.encode(event))).await().atMost(Duration.ofSeconds(10));
    }
}
