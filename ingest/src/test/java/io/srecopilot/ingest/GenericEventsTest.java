package io.srecopilot.ingest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.TestCaller;
import io.srecopilot.platform.testing.TestStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Generic events behave as PagerDuty's Events API v2 does for dedup_key and event_action. */
@QuarkusTest
class GenericEventsTest {

    private static final String EVENTS = "/api/v1/ingest/events";

    private final TestCaller engineer = TestCaller.newTenant(Role.ENGINEER);

    @Test
    void triggerAcknowledgeResolveAndTriggerAgainFollowTheDedupKey() {
        send(trigger("disk-db-1")).statusCode(202).contentType("application/json")
                .body("status", equalTo("success")).body("message", equalTo("Event processed"))
                .body("dedup_key", equalTo("disk-db-1"));
        String groupId = send(trigger("disk-db-1")).statusCode(202).extract().path("alertGroupId");
        signals().body("items", hasSize(1)).body("items[0].source", equalTo("event"))
                .body("items[0].alertname", equalTo("DiskFull")).body("items[0].service", equalTo("postgres"))
                .body("items[0].severity", equalTo("high")).body("items[0].labels.dedup_key", equalTo("disk-db-1"))
                .body("items[0].annotations.details", equalTo("{\"free\":\"2%\"}"));

        send(action("acknowledge", "disk-db-1")).statusCode(202);
        signals().body("items[0].acknowledgedAt", notNullValue()).body("items[0].status", equalTo("firing"));
        send(action("resolve", "disk-db-1")).statusCode(202);
        group(groupId).body("status", equalTo("resolved")).body("source", equalTo("event"));

        send(trigger("disk-db-1")).statusCode(202);
        signals().body("items.status", containsInAnyOrder("firing", "resolved"));
        group(groupId).body("status", equalTo("firing"));

        List<String> announced = awaitAnnounced(3);
        assertEquals(List.of("alertgroup.opened", "alertgroup.resolved", "alertgroup.updated"), announced);
    }

    @Test
    void acknowledgingOrResolvingAnUnknownKeyIsAcceptedAndChangesNothing() {
        send(action("resolve", "never-triggered")).statusCode(202).body("alertGroupId", nullValue());
        send(action("acknowledge", "never-triggered")).statusCode(202);
        signals().body("items", hasSize(0));
    }

    @Test
    void aTriggerWithoutADedupKeyGetsOne() {
        Map<String, Object> event = trigger("x");
        event.remove("dedup_key");
        String key = send(event).statusCode(202).extract().path("dedup_key");
        send(action("resolve", key)).statusCode(202);
        signals().body("items[0].status", equalTo("resolved"));
        org.hamcrest.MatcherAssert.assertThat(key, matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void invalidEventsNameTheirFieldsAsSentAndStoreNothing() {
        Map<String, Object> badAction = trigger("bad");
        badAction.put("event_action", "explode");
        send(badAction).statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("event_action")));
        Map<String, Object> badPayload = trigger("bad");
        badPayload.put("payload", Map.of("summary", "", "source", "db-1", "severity", "fatal"));
        send(badPayload).statusCode(400).body("errors.field", equalTo(List.of("payload.severity", "payload.summary")));
        Map<String, Object> noPayload = trigger("bad");
        noPayload.remove("payload");
        send(noPayload).statusCode(400).body("errors.field", equalTo(List.of("payload")));
        send(Map.of("event_action", "resolve")).statusCode(400).body("errors.field", equalTo(List.of("dedup_key")));
        signals().body("items", hasSize(0));
    }

    @Test
    void eventsNeedAWriterAndStayInTheirProject() {
        given().contentType("application/json").body(trigger("k")).when().post(EVENTS).then().statusCode(401);
        given().auth().oauth2(engineer.withRole(Role.VIEWER).token()).contentType("application/json")
                .body(trigger("k")).when().post(EVENTS).then().statusCode(403);
        String group = send(trigger("mine")).statusCode(202).extract().path("alertGroupId");
        TestCaller stranger = TestCaller.newTenant(Role.ENGINEER);
        given().auth().oauth2(stranger.token()).contentType("application/json").body(action("resolve", "mine"))
                .when().post(EVENTS).then().statusCode(202).body("alertGroupId", nullValue());
        group(group).body("status", equalTo("firing"));
    }

    private ValidatableResponse send(Map<String, Object> event) {
        return given().auth().oauth2(engineer.token()).contentType("application/json").body(event)
                .when().post(EVENTS).then();
    }

    private ValidatableResponse signals() {
        return given().auth().oauth2(engineer.token()).when().get("/api/v1/signals").then().statusCode(200);
    }

    private ValidatableResponse group(String id) {
        return given().auth().oauth2(engineer.token()).when().get("/api/v1/signals/groups/" + id).then().statusCode(200);
    }

    private List<String> awaitAnnounced(int count) {
        String tenant = engineer.tenantId().toString();
        List<String> types = List.of("alertgroup.opened", "alertgroup.updated", "alertgroup.resolved");
        await().atMost(Duration.ofSeconds(20)).until(() -> types.stream()
                .mapToInt(type -> TestStream.published(tenant, type).size()).sum() >= count);
        return types.stream().flatMap(type -> TestStream.published(tenant, type).stream())
                .sorted(java.util.Comparator.comparing(EventEnvelope::occurredAt)).map(EventEnvelope::type).toList();
    }

    private static Map<String, Object> trigger(String dedupKey) {
        Map<String, Object> event = action("trigger", dedupKey);
        event.put("payload", Map.of("summary", "Disk almost full on db-1", "source", "db-1", "severity", "error",
                "component", "postgres", "class", "DiskFull", "custom_details", Map.of("free", "2%")));
        event.put("routing_key", "ignored-0123456789abcdef0123456789ab");
        return event;
    }

    private static Map<String, Object> action(String eventAction, String dedupKey) {
        Map<String, Object> event = new HashMap<>();
        event.put("event_action", eventAction);
        event.put("dedup_key", dedupKey);
        return event;
    }
}
