package io.srecopilot.platform.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.stream.ReactiveStreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.XAddArgs;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.events.EventsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Moves a message that cannot be processed out of the way: copies it to the parked stream with
 * its group, reason and delivery count, acknowledges it, and counts it in
 * {@code sre_events_parked_total}, so one bad event never blocks a group forever.
 */
@ApplicationScoped
public class EventParking {

    private static final Logger LOG = Logger.getLogger(EventParking.class);
    private static final long PARKED_MAX_LENGTH = 100_000;

    private final ReactiveStreamCommands<String, String, String> streams;
    private final EventsConfig config;
    private final Counter parked;

    public EventParking(ReactiveRedisDataSource redis, EventsConfig config, MeterRegistry registry) {
        this.streams = redis.stream(String.class);
        this.config = config;
        this.parked = Counter.builder("sre.events.parked")
                .description("Poison events moved to the parked stream")
                .tag("group", config.consumer().group())
                .register(registry);
    }

    public Uni<Void> park(StreamMessage<String, String, String> message, String reason, int deliveries) {
        Map<String, String> fields = new HashMap<>(message.payload());
        fields.put("group", config.consumer().group());
        fields.put("sourceId", message.id());
        fields.put("sourceStream", message.key());
        fields.put("reason", reason);
        fields.put("deliveries", Integer.toString(deliveries));
        return streams.xadd(config.consumer().parkedStream(), new XAddArgs().maxlen(PARKED_MAX_LENGTH).nearlyExactTrimming(), fields)
                .chain(() -> streams.xack(message.key(), config.consumer().group(), message.id()))
                .invoke(() -> {
                    parked.increment();
                    LOG.errorf("Parked event %s (stream id %s) after %d deliveries: %s",
                            message.payload().get("id"), message.id(), deliveries, reason);
                })
                .replaceWithVoid();
    }
}
