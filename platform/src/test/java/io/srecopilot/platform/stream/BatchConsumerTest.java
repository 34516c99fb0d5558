package io.srecopilot.platform.stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.stream.PendingMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.EventsConfig;
import io.srecopilot.platform.fixtures.BatchRecordingHandler;
import io.srecopilot.platform.fixtures.TestEvents;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A service whose handlers all take batches gets each read's events in one transaction. */
@QuarkusTest
@TestProfile(BatchConsumerTest.OnlyBatchHandlers.class)
class BatchConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    public static class OnlyBatchHandlers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.arc.exclude-types", "io.srecopilot.platform.fixtures.RecordingHandler,io.srecopilot.platform.fixtures.OrderedHandler");
        }
    }

    @Inject
    TestEvents events;
    @Inject
    BatchRecordingHandler handler;
    @Inject
    EventsConfig config;
    @Inject
    ReactiveRedisDataSource redis;
    @Inject
    Redis lowLevelRedis;

    private final UUID tenant = UUID.randomUUID();
    private final UUID project = UUID.randomUUID();

    @Test
    void aReadIsHandledInOneGoEachEventOnceDuplicatesIncluded() {
        List<EventEnvelope> batch = IntStream.range(0, 30)
                .mapToObj(i -> events.event("batch.recorded", tenant, project, i)).toList();
        List<EventEnvelope> delivered = new ArrayList<>(batch);
        delivered.add(batch.get(3));
        delivered.add(batch.get(17));
        List<String> messageIds = appendAtOnce(delivered);

        await().atMost(WAIT).until(() -> batch.stream().allMatch(event -> events.handledCount(event.id()) == 1));
        await().atMost(WAIT).until(() -> pending(messageIds).isEmpty());
        assertTrue(handler.batchSizes().stream().anyMatch(size -> size > 1), "batches: " + handler.batchSizes());
        batch.forEach(event -> assertEquals(1, events.handledCount(event.id())));
    }

    @Test
    void aBatchThatFailsIsRetriedEventByEventSoOnlyTheBadOneFails() {
        List<EventEnvelope> batch = IntStream.range(0, 10).mapToObj(i -> events.event(
                i == 4 ? "batch.poison" : "batch.recorded", tenant, project, i)).toList();
        List<String> messageIds = appendAtOnce(batch);

        await().atMost(WAIT).until(() -> IntStream.range(0, 10).filter(i -> i != 4)
                .allMatch(i -> events.handledCount(batch.get(i).id()) == 1));
        EventEnvelope poison = batch.get(4);
        assertEquals(0, events.handledCount(poison.id()));
        assertTrue(handler.attempts(poison.id()) >= 2, "tried in the batch, then alone");
        await().atMost(WAIT).until(() -> pending(messageIds).isEmpty());
        assertEquals(0, events.handledCount(poison.id()), "parked, never handled");
    }

    /** In one MULTI, so the consumer reads them together; answers the messages' ids. */
    private List<String> appendAtOnce(List<EventEnvelope> batch) {
        List<Request> commands = new ArrayList<>();
        commands.add(Request.cmd(Command.MULTI));
        for (EventEnvelope event : batch) {
            commands.add(Request.cmd(Command.XADD).arg(config.stream()).arg("*").arg("id").arg(event.id().toString())
                    .arg("type").arg(event.type()).arg("event").arg(events.eventJson(event)));
        }
        commands.add(Request.cmd(Command.EXEC));
        List<Response> replies = lowLevelRedis.batch(commands).await().atMost(WAIT);
        List<String> ids = new ArrayList<>();
        replies.get(replies.size() - 1).forEach(id -> ids.add(id.toString()));
        return ids;
    }

    /** Which of these messages are still pending, in the order given. */
    private List<String> pending(List<String> messageIds) {
        List<String> pending = redis.stream(String.class).xpending(config.stream(), config.consumer().group(),
                StreamRange.of("-", "+"), 10_000).await().atMost(WAIT).stream().map(PendingMessage::getMessageId).toList();
        return messageIds.stream().filter(pending::contains).toList();
    }
}
