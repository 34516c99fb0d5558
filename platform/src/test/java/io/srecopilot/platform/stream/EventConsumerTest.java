package io.srecopilot.platform.stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.stream.PendingMessage;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.ResourceRef;
import io.srecopilot.platform.events.EventsConfig;
import io.srecopilot.platform.fixtures.OrderedHandler;
import io.srecopilot.platform.fixtures.RecordingHandler;
import io.srecopilot.platform.fixtures.TestEvents;
import io.srecopilot.platform.outbox.OutboxRelay;
import io.srecopilot.platform.testing.PrivateRedisResource;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PrivateRedisResource.class)
class EventConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    TestEvents events;
    @Inject
    RecordingHandler handler;
    @Inject
    StuckEventReclaimer reclaimer;
    @Inject
    OutboxRelay relay;
    @Inject
    EventsConfig config;
    @Inject
    ReactiveRedisDataSource redis;
    @Inject
    Redis lowLevelRedis;
    @Inject
    ConsumerLag lag;
    @Inject
    OrderedHandler ordered;
    @Inject
    EventCodec codec;

    private final UUID tenant = UUID.randomUUID();
    private final UUID project = UUID.randomUUID();

    @Test
    void anEventCommittedThroughTheOutboxReachesTheServiceHandler() {
        EventEnvelope event = events.event("test.recorded", tenant, project, 1);
        events.commit(List.of(event));
        relay.relayOnce().await().atMost(WAIT);
        await().atMost(WAIT).until(() -> events.handledCount(event.id()) == 1);
    }

    @Test
    void eventsOfOneKeyAreHandledInStreamOrderWhileOtherKeysAreHandledAlongside() {
        String run = UUID.randomUUID().toString();
        List<String> keys = IntStream.range(0, 6).mapToObj(k -> run + "-" + k).toList();
        int steps = 20;
        for (int n = 0; n < steps; n++) {
            for (String key : keys) {
                events.addToStream(EventEnvelope.create("ordered.step", tenant, project, Actor.system("test"),
                        new ResourceRef("thing", key), codec.toData(Map.of("key", key, "sequence", n))));
            }
        }
        await().atMost(WAIT).until(() -> keys.stream().allMatch(key -> ordered.handledFor(key).size() == steps));
        List<Integer> inStreamOrder = IntStream.range(0, steps).boxed().toList();
        keys.forEach(key -> assertEquals(inStreamOrder, ordered.handledFor(key), key));
        assertTrue(ordered.mostInHand() > 1, "keys were handled one at a time: " + ordered.mostInHand());
    }

    @Test
    void anEventDeliveredTwiceIsHandledOnceAndBothCopiesAreAcknowledged() {
        EventEnvelope event = events.event("test.recorded", tenant, project, 1);
        String first = events.addToStream(event);
        String duplicate = events.addToStream(event);

        await().atMost(WAIT).until(() -> !isPending(first) && !isPending(duplicate) && events.handledCount(event.id()) == 1);
        assertEquals(1, handler.attempts(event.id()));
    }

    @Test
    void aFailedEventStaysPendingAndIsTriedAgainAfterAPause() {
        EventEnvelope event = events.event("test.flaky", tenant, project, 1);
        String messageId = events.addToStream(event);
        await().atMost(WAIT).until(() -> handler.attempts(event.id()) >= 1);

        await().atMost(WAIT).until(() -> events.handledCount(event.id()) == 1);
        assertEquals(2, handler.attempts(event.id()));
        await().atMost(WAIT).until(() -> !isPending(messageId));
    }

    @Test
    void aFailedEventHoldsBackTheLaterEventsOfItsKeyButNotThoseOfOtherKeys() {
        EventEnvelope failsFirst = events.event("test.flaky", tenant, project, 1);
        EventEnvelope second = events.event("test.recorded", tenant, project, 2);
        EventEnvelope third = events.event("test.recorded", tenant, project, 3);
        EventEnvelope elsewhere = events.event("test.recorded", tenant, UUID.randomUUID(), 1);
        List.of(failsFirst, second, third, elsewhere).forEach(events::addToStream);

        await().atMost(WAIT).until(() -> List.of(failsFirst, second, third, elsewhere).stream()
                .allMatch(event -> events.handledCount(event.id()) == 1));
        assertEquals(2, handler.attempts(failsFirst.id()));
        assertTrue(handler.lastTry(second.id()) > handler.lastTry(failsFirst.id()), "the second waited for the first");
        assertTrue(handler.lastTry(third.id()) > handler.lastTry(second.id()), "the third came after the second");
        assertTrue(handler.lastTry(elsewhere.id()) < handler.lastTry(failsFirst.id()),
                "another project's event went ahead while the first waited");
    }

    @Test
    void aPoisonEventIsParkedAfterTheMaximumFailuresThenItsKeysLaterEventsFollow() {
        EventEnvelope event = events.event("test.poison", tenant, project, 1);
        EventEnvelope next = events.event("test.recorded", tenant, project, 2);
        String messageId = events.addToStream(event);
        events.addToStream(next);

        await().atMost(WAIT).until(() -> parked(messageId).isPresent() && events.handledCount(next.id()) == 1);
        Map<String, String> parked = parked(messageId).orElseThrow().payload();
        assertEquals(config.consumer().group(), parked.get("group"));
        assertEquals(event.id().toString(), parked.get("id"));
        assertEquals(Integer.toString(handler.attempts(event.id())), parked.get("deliveries"));
        assertTrue(handler.attempts(event.id()) >= config.consumer().maxDeliveries());
        assertTrue(handler.lastTry(next.id()) > handler.lastTry(event.id()), "the next event waited for the parking");
        assertTrue(!isPending(messageId));
        given().when().get("/q/metrics").then()
                .body(containsString("sre_events_parked_total{group=\"platform-test\"}"))
                .body(containsString("sre_events_held_back{group=\"platform-test\"}"));
    }

    @Test
    void whatAnotherReplicaLeftPendingInAPartitionIsProcessedAsSoonAsThePartitionIsClaimed() {
        EventEnvelope event = events.event("test.recorded", tenant, project, 1);
        String stream = config.streamFor(tenant, project);
        readByAConsumerThatDies(stream, event);
        assertEquals(0, events.handledCount(event.id()));

        // As if another replica had held the partition and handed it over: the lease goes, is claimed anew.
        String partition = stream.equals(config.stream()) ? "0" : stream.substring(stream.lastIndexOf(':') + 1);
        redis.key().del("sre:leases:{" + config.consumer().group() + "}:" + partition).await().atMost(WAIT);
        // No reclaimer runs in these tests (the scheduler is off): only the claim takes it over.
        await().atMost(WAIT).until(() -> events.handledCount(event.id()) == 1);
    }

    @Test
    void aMessageThatIsNotAnEventIsParkedAtOnce() {
        String messageId = redis.stream(String.class).xadd(config.stream(),
                Map.of("id", "x", "type", "test.recorded", "event", "{not json")).await().atMost(WAIT);
        await().atMost(WAIT).until(() -> parked(messageId).isPresent());
        assertTrue(!isPending(messageId));
    }

    @Test
    void eventsHeldByAConsumerThatDiedAreTakenOver() {
        EventEnvelope event = events.event("test.recorded", tenant, project, 1);
        readByAConsumerThatDies(config.stream(), event);
        assertEquals(0, events.handledCount(event.id()));

        await().atMost(WAIT).pollInterval(Duration.ofMillis(400)).until(() -> {
            reclaimer.reclaim().await().atMost(WAIT);
            return events.handledCount(event.id()) == 1;
        });
    }

    @Test
    void theGroupsLagIsAMetric() {
        EventEnvelope event = events.event("test.recorded", tenant, project, 1);
        events.addToStream(event);
        await().atMost(WAIT).until(() -> events.handledCount(event.id()) == 1);

        long behind = lag.measure().await().atMost(WAIT);
        assertTrue(behind >= 0);
        given().when().get("/q/metrics").then()
                .body(matchesPattern("(?s).*sre_events_consumer_lag\\{group=\"platform-test\"\\} [0-9.]+.*"))
                .body(matchesPattern("(?s).*sre_events_consumer_lag_seconds\\{group=\"platform-test\"\\} [0-9.]+.*"));
    }

    @Test
    void howLateAGroupIsIsTheAgeOfItsOldestUnprocessedEvent() throws InterruptedException {
        String group = "lateness-" + UUID.randomUUID();
        String stream = config.streamFor(tenant, project);
        lowLevelRedis.send(Request.cmd(Command.XGROUP).arg("CREATE").arg(stream).arg(group).arg("$"))
                .await().atMost(WAIT);
        assertEquals(0.0, secondsBehind(stream, group), "nothing added since the group was created");

        String messageId = events.addToStream(events.event("test.other", tenant, project, 1));
        Thread.sleep(1_200);
        double unread = secondsBehind(stream, group);
        assertTrue(unread >= 1.1 && unread < 10, "unread for " + unread + " s");

        lowLevelRedis.send(Request.cmd(Command.XREADGROUP).arg("GROUP").arg(group).arg("slow-reader").arg("COUNT")
                .arg(10).arg("STREAMS").arg(stream).arg(">")).await().atMost(WAIT);
        double pending = secondsBehind(stream, group);
        assertTrue(pending >= unread, "read, not acknowledged, for " + pending + " s");

        lowLevelRedis.send(Request.cmd(Command.XACK).arg(stream).arg(group).arg(messageId)).await().atMost(WAIT);
        assertEquals(0.0, secondsBehind(stream, group), "all processed");
        lowLevelRedis.send(Request.cmd(Command.XGROUP).arg("DESTROY").arg(stream).arg(group)).await().atMost(WAIT);
    }

    /** Appends the event and hands it to a consumer that then dies, before the live consumer can read it. */
    private void readByAConsumerThatDies(String stream, EventEnvelope event) {
        lowLevelRedis.batch(List.of(Request.cmd(Command.MULTI),
                Request.cmd(Command.XADD).arg(stream).arg("*").arg("id").arg(event.id().toString())
                        .arg("type").arg(event.type()).arg("event").arg(events.eventJson(event)),
                Request.cmd(Command.XREADGROUP).arg("GROUP").arg(config.consumer().group()).arg("dead-replica")
                        .arg("COUNT").arg(1000).arg("STREAMS").arg(stream).arg(">"),
                Request.cmd(Command.EXEC))).await().atMost(WAIT);
    }

    private double secondsBehind(String stream, String group) {
        StreamGroups.Group found = StreamGroups.of(redis, stream).await().atMost(WAIT).stream()
                .filter(candidate -> candidate.name().equals(group)).findFirst().orElseThrow();
        return StreamGroups.secondsBehind(redis, stream, found, java.time.Instant.now()).await().atMost(WAIT);
    }

    private boolean isPending(String messageId) {
        return config.streams().stream().anyMatch(stream -> !redis.stream(String.class)
                .xpending(stream, config.consumer().group(), StreamRange.of(messageId, messageId), 1)
                .await().atMost(WAIT).isEmpty());
    }

    private Optional<StreamMessage<String, String, String>> parked(String messageId) {
        return events.stream(config.consumer().parkedStream()).stream()
                .filter(message -> messageId.equals(message.payload().get("sourceId")))
                .findFirst();
    }
}
