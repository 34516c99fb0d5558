package io.srecopilot.realtime;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.EventsConfig;
import io.srecopilot.platform.events.MalformedEventException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * What a reconnecting client missed: its project's live events after its last event id, read from
 * the newest {@code replay-window} entries of the project's event stream partition. Null when the id is not among them
 * (too old, or unknown): the client must resync, refetching what it shows.
 */
@ApplicationScoped
public class LiveReplay {

    private final ReactiveRedisDataSource redis;
    private final EventCodec codec;
    private final EventsConfig events;
    private final RealtimeConfig config;

    public LiveReplay(ReactiveRedisDataSource redis, EventCodec codec, EventsConfig events, RealtimeConfig config) {
        this.redis = redis;
        this.codec = codec;
        this.events = events;
        this.config = config;
    }

    public Uni<List<EventEnvelope>> since(String lastEventId, UUID tenantId, UUID projectId) {
        // XREVRANGE takes the end first: newest ("+") to oldest ("-").
        return redis.stream(String.class)
                .xrevrange(events.streamFor(tenantId, projectId), StreamRange.of("+", "-"), config.replayWindow())
                .map(newestFirst -> missed(newestFirst, lastEventId, tenantId, projectId));
    }

    private List<EventEnvelope> missed(List<StreamMessage<String, String, String>> newestFirst, String lastEventId,
            UUID tenantId, UUID projectId) {
        List<EventEnvelope> missed = new ArrayList<>();
        for (StreamMessage<String, String, String> entry : newestFirst) {
            EventEnvelope event;
            try {
                event = codec.decode(entry.payload().get("event"));
            } catch (MalformedEventException | IllegalArgumentException | NullPointerException e) {
                continue;
            }
            if (event.id().toString().equals(lastEventId)) {
                Collections.reverse(missed);
                return missed;
            }
            if (tenantId.equals(event.tenantId()) && projectId.equals(event.projectId()) && LiveMessage.isLive(event.type())) {
                missed.add(event);
            }
        }
        return null;
    }
}
