package io.srecopilot.platform.outbox;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.events.EventsConfig;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.redis.client.ResponseType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes a batch to the event streams (each event to its project's partition) and to each
 * project's live channel in one Redis
 * transaction (MULTI/EXEC, one round trip): either all of the batch is out or none is.
 */
@ApplicationScoped
public class EventPublisher {

    private final Redis redis;
    private final EventsConfig config;

    public EventPublisher(ReactiveRedisDataSource redis, EventsConfig config) {
        this.redis = redis.getRedis();
        this.config = config;
    }

    Uni<Void> publish(List<PendingEvent> events) {
        List<Request> requests = new ArrayList<>(events.size() * 2 + 2);
        requests.add(Request.cmd(Command.MULTI));
        for (PendingEvent event : events) {
            requests.add(append(event));
            if (event.projectId() != null) {
                requests.add(Request.cmd(Command.PUBLISH)
                        .arg(config.realtimeChannel(event.tenantId(), event.projectId()))
                        .arg(event.envelope()));
            }
        }
        requests.add(Request.cmd(Command.EXEC));
        return redis.batch(requests).invoke(EventPublisher::requireCommitted).replaceWithVoid();
    }

    private Request append(PendingEvent event) {
        return Request.cmd(Command.XADD)
                .arg(config.streamFor(event.tenantId(), event.projectId()))
                .arg("MAXLEN").arg("~").arg(config.streamMaxLength())
                .arg("*")
                .arg("id").arg(event.eventId().toString())
                .arg("type").arg(event.type())
                .arg("tenantId").arg(String.valueOf(event.tenantId()))
                .arg("projectId").arg(String.valueOf(event.projectId()))
                .arg("event").arg(event.envelope());
    }

    private static void requireCommitted(List<Response> responses) {
        Response exec = responses.get(responses.size() - 1);
        if (exec == null || exec.type() != ResponseType.MULTI) {
            throw new IllegalStateException("Redis did not commit the batch: " + exec);
        }
        for (Response result : exec) {
            if (result != null && result.type() == ResponseType.ERROR) {
                throw new IllegalStateException("Redis refused part of the batch: " + result);
            }
        }
    }
}
