package io.srecopilot.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.EventsConfig;
import io.srecopilot.platform.fixtures.TestEvents;
import io.srecopilot.platform.testing.PrivateRedisResource;
import io.srecopilot.platform.vertx.SafeContext;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;

@QuarkusTest
@QuarkusTestResource(PrivateRedisResource.class)
class OutboxRelayTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    OutboxRelay relay;
    @Inject
    Outbox outbox;
    @Inject
    TestEvents events;
    @Inject
    SafeContext safeContext;
    @Inject
    EventCodec codec;
    @Inject
    EventsConfig config;
    @Inject
    ReactiveRedisDataSource redis;
    @Inject
    Pool pool;

    private final UUID tenant = UUID.randomUUID();

    @BeforeEach
    void drainEarlierEvents() {
        while (relay.relayOnce().await().atMost(WAIT) > 0) {
            // leftovers of an interrupted earlier run
        }
    }

    @Test
    void committedEventsGoToTheStreamAndTheProjectChannelInCommitOrder() {
        UUID project = UUID.randomUUID();
        List<String> live = new CopyOnWriteArrayList<>();
        Cancellable subscription = redis.pubsub(String.class).subscribe(config.realtimeChannel(tenant, project))
                .subscribe().with(live::add);
        try {
            await().atMost(WAIT).until(() -> subscribers(config.realtimeChannel(tenant, project)) == 1);

            List<EventEnvelope> written = List.of(events.event("test.a", tenant, project, 1),
                    events.event("test.b", tenant, project, 2), events.event("test.c", tenant, project, 3));
            events.commit(written);
            assertEquals(3, relay.relayOnce().await().atMost(WAIT));

            assertEquals(ids(written), ids(events.publishedFor(tenant)));
            await().atMost(WAIT).until(() -> live.size() == 3);
            assertEquals(ids(written), live.stream().map(codec::decode).map(EventEnvelope::id).toList());
            assertEquals(0, unpublished());
        } finally {
            subscription.cancel();
        }
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        EventEnvelope event = events.event("test.rolled-back", tenant, UUID.randomUUID(), 1);
        assertThrows(RuntimeException.class, () -> safeContext.run(() -> Panache.withTransaction(
                () -> outbox.append(event).chain(() -> Uni.createFrom().failure(new IllegalStateException("rollback")))))
                .await().atMost(WAIT));

        relay.relayOnce().await().atMost(WAIT);
        assertTrue(events.publishedFor(tenant).isEmpty());
    }

    @Test
    void eventsWaitInTheOutboxWhileRedisIsDownAndGoOutInOrderOnceItIsBack() {
        UUID project = UUID.randomUUID();
        List<EventEnvelope> written = IntStream.range(0, 5)
                .mapToObj(i -> events.event("test.during-outage", tenant, project, i)).toList();
        PrivateRedisResource.server().stop();
        try {
            events.commit(written);
            assertThrows(RuntimeException.class, () -> relay.relayOnce().await().atMost(WAIT));
            assertEquals(5, unpublished());
            given().when().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'redis' }.status", equalTo("DOWN"));
        } finally {
            PrivateRedisResource.server().restart();
        }
        await().atMost(WAIT).ignoreExceptions().until(() -> relay.relayOnce().await().atMost(WAIT) >= 0 && unpublished() == 0);
        assertEquals(ids(written), ids(events.publishedFor(tenant)));
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void twoRelaysRacingPublishEveryEventOnceAndEachProjectInOrder() throws Exception {
        List<UUID> projects = IntStream.range(0, 8).mapToObj(i -> UUID.randomUUID()).toList();
        Map<UUID, List<UUID>> committedOrder = new HashMap<>();
        for (int round = 0; round < 12; round++) {
            List<EventEnvelope> transaction = new ArrayList<>();
            for (UUID project : projects) {
                for (int i = 0; i < 3; i++) {
                    EventEnvelope event = events.event("test.race", tenant, project, round * 3 + i);
                    transaction.add(event);
                    committedOrder.computeIfAbsent(project, p -> new ArrayList<>()).add(event.id());
                }
            }
            events.commit(transaction);
        }

        CompletableFuture<Void> first = CompletableFuture.runAsync(this::relayUntilDrained);
        CompletableFuture<Void> second = CompletableFuture.runAsync(this::relayUntilDrained);
        CompletableFuture.allOf(first, second).get(60, TimeUnit.SECONDS);

        List<EventEnvelope> published = events.publishedFor(tenant);
        assertEquals(12 * 8 * 3, published.size());
        assertEquals(published.size(), published.stream().map(EventEnvelope::id).distinct().count());
        Map<UUID, List<UUID>> publishedOrder = published.stream().collect(Collectors.groupingBy(
                EventEnvelope::projectId, Collectors.mapping(EventEnvelope::id, Collectors.toList())));
        assertEquals(committedOrder, publishedOrder);
    }

    private void relayUntilDrained() {
        while (unpublished() > 0) {
            relay.relayOnce().await().atMost(WAIT);
        }
    }

    private long unpublished() {
        return pool.preparedQuery("SELECT count(*) FROM outbox WHERE tenant_id = $1 AND published_at IS NULL")
                .execute(Tuple.of(tenant)).await().atMost(WAIT).iterator().next().getLong(0);
    }

    private long subscribers(String channel) {
        return redis.execute("PUBSUB", "NUMSUB", channel).await().atMost(WAIT).get(1).toLong();
    }

    private static List<UUID> ids(List<EventEnvelope> envelopes) {
        return envelopes.stream().map(EventEnvelope::id).toList();
    }
}
