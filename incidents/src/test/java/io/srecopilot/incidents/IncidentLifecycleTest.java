package io.srecopilot.incidents;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.TestCaller;
import io.srecopilot.platform.testing.TestStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The state machine over HTTP: every move allowed and refused, stamps, versions and races. */
@QuarkusTest
class IncidentLifecycleTest {

    /** How to reach each state from DETECTED (LEARNED needs a postmortem, see PostmortemTest). */
    private static final Map<IncidentState, List<String>> PATHS = Map.of(
            IncidentState.DETECTED, List.of(),
            IncidentState.ACKNOWLEDGED, List.of("ACKNOWLEDGED"),
            IncidentState.INVESTIGATING, List.of("INVESTIGATING"),
            IncidentState.MITIGATED, List.of("INVESTIGATING", "MITIGATED"),
            IncidentState.RESOLVED, List.of("RESOLVED"),
            IncidentState.INCONCLUSIVE, List.of("INVESTIGATING", "INCONCLUSIVE"));

    /** ARCHITECTURE.md's state machine, written out independently of IncidentState. */
    private static final Map<IncidentState, Set<IncidentState>> ALLOWED = Map.of(
            IncidentState.DETECTED, EnumSet.of(IncidentState.ACKNOWLEDGED, IncidentState.INVESTIGATING, IncidentState.RESOLVED),
            IncidentState.ACKNOWLEDGED, EnumSet.of(IncidentState.INVESTIGATING, IncidentState.RESOLVED),
            IncidentState.INVESTIGATING, EnumSet.of(IncidentState.MITIGATED, IncidentState.INCONCLUSIVE, IncidentState.RESOLVED),
            IncidentState.MITIGATED, EnumSet.of(IncidentState.RESOLVED, IncidentState.INVESTIGATING),
            IncidentState.RESOLVED, EnumSet.of(IncidentState.LEARNED, IncidentState.INVESTIGATING),
            IncidentState.INCONCLUSIVE, EnumSet.of(IncidentState.INVESTIGATING, IncidentState.RESOLVED));

    private final TestCaller engineer = TestCaller.newTenant(Role.ENGINEER);
    private final IncidentsApi api = new IncidentsApi(engineer);

    @Test
    void everyMoveTheStateMachineAllowsSucceedsAndEveryOtherIsRefusedNamingTheAllowedOnes() {
        List<String> mismatches = new ArrayList<>();
        PATHS.forEach((from, path) -> {
            for (IncidentState to : IncidentState.values()) {
                if (to == IncidentState.LEARNED) {
                    continue; // needs a postmortem: PostmortemTest
                }
                String id = api.declare(from + " to " + to);
                api.walk(id, path);
                int expected = ALLOWED.get(from).contains(to) ? 200 : 409;
                int status = api.transition(id, to.name()).extract().statusCode();
                if (status != expected) {
                    mismatches.add(from + "→" + to + " answered " + status + ", expected " + expected);
                }
            }
        });
        assertEquals(List.of(), mismatches);

        String detected = api.declare("Refused");
        api.transition(detected, "MITIGATED").statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("INC-"))
                .body("detail", containsString("can move to ACKNOWLEDGED, INVESTIGATING, RESOLVED"));
    }

    @Test
    void aTransitionLeavesARequestRecordWithTheStateBeforeAndAfter() {
        String id = api.declare("Disk filling up");
        String requestId = UUID.randomUUID().toString();
        given().auth().oauth2(engineer.token()).header("X-Request-Id", requestId).contentType("application/json")
                .body(Map.of("to", "ACKNOWLEDGED")).when().post("/api/v1/incidents/" + id + "/transitions").then()
                .statusCode(200);

        JsonNode changes = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> TestStream
                .published(engineer.tenantId().toString(), "http.request").stream()
                .filter(record -> requestId.equals(record.data().get("requestId").asText())).findFirst(),
                Optional::isPresent).orElseThrow().data().get("changes");
        Map<String, JsonNode> byPath = new HashMap<>();
        changes.forEach(change -> byPath.put(change.get("path").asText(), change));
        assertEquals("DETECTED", byPath.get("/state").get("before").asText());
        assertEquals("ACKNOWLEDGED", byPath.get("/state").get("after").asText());
        assertTrue(byPath.get("/acknowledgedAt").get("before").isNull());
        assertTrue(byPath.containsKey("/version"), changes.toString());
    }

    @Test
    void transitionsStampTheirTimesAndTheTimelineSaysWhoWhenAndWhy() {
        String id = api.declare("Queue backlog");
        api.transition(id, "ACKNOWLEDGED").statusCode(200).body("acknowledgedAt", notNullValue()).body("version", equalTo(1));
        api.transition(id, "INVESTIGATING").statusCode(200);
        api.transition(id, "MITIGATED").statusCode(200).body("mitigatedAt", notNullValue());
        api.transition(id, "RESOLVED").statusCode(200).body("resolvedAt", notNullValue())
                .body("allowedTransitions", equalTo(List.of("INVESTIGATING", "LEARNED")));
        api.transition(id, "INVESTIGATING").statusCode(200).body("state", equalTo("INVESTIGATING"))
                .body("resolvedAt", nullValue()).body("acknowledgedAt", notNullValue());
        api.transition(id, "SOLVED").statusCode(400).body("errors[0].field", equalTo("to"));

        api.timeline(id).statusCode(200)
                .body("items.kind", equalTo(List.of("created", "transition", "transition", "transition", "transition",
                        "transition")))
                .body("items[0].message", equalTo("Declared"))
                .body("items[1].from", equalTo("DETECTED"))
                .body("items[1].to", equalTo("ACKNOWLEDGED"))
                .body("items[1].message", equalTo("moving to ACKNOWLEDGED"))
                .body("items[1].actor.type", equalTo("user"))
                .body("items[1].actor.id", equalTo(engineer.userId().toString()))
                .body("items[1].occurredAt", notNullValue());
    }

    @Test
    void ifMatchWithAnOldVersionIsRefusedWith412AndChangesNothing() {
        String id = api.declare("Stale");
        String etag = api.get(id).extract().header("ETag");
        api.transition(id, "ACKNOWLEDGED").statusCode(200).header("ETag", "\"1\"");

        given().auth().oauth2(engineer.token()).header("If-Match", etag).contentType("application/json")
                .body(Map.of("to", "INVESTIGATING")).when().post("/api/v1/incidents/" + id + "/transitions")
                .then().statusCode(412).body("type", equalTo("urn:sre-copilot:problem:precondition-failed"));
        given().auth().oauth2(engineer.token()).header("If-Match", etag).contentType("application/json")
                .body(Map.of("title", "Renamed")).when().patch("/api/v1/incidents/" + id)
                .then().statusCode(412);
        api.get(id).body("state", equalTo("ACKNOWLEDGED")).body("title", equalTo("Stale"));

        given().auth().oauth2(engineer.token()).header("If-Match", "\"1\"").contentType("application/json")
                .body(Map.of("to", "INVESTIGATING")).when().post("/api/v1/incidents/" + id + "/transitions")
                .then().statusCode(200).header("ETag", "\"2\"");
    }

    @Test
    void ofTwoConcurrentTransitionsOneWinsAndTheOtherGets409() throws Exception {
        for (int round = 0; round < 10; round++) {
            String id = api.declare("Race " + round);
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> racers = new ArrayList<>();
            for (int racer = 0; racer < 2; racer++) {
                racers.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return api.transition(id, "RESOLVED").extract().statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<Integer> racer : racers) {
                statuses.add(racer.get());
            }
            statuses.sort(Integer::compare);
            // Whether the loser overlapped the winner (stale version) or came after it (RESOLVED
            // cannot move to RESOLVED), it must be refused, and only one move is recorded.
            assertEquals(List.of(200, 409), statuses);
            api.get(id).body("version", equalTo(1));
            api.timeline(id).body("items.findAll { it.kind == 'transition' }.size()", equalTo(1));
        }
    }

    @Test
    void aPatchChangesOnlyTheFieldsItNamesAndRecordsFromAndTo() {
        String id = api.declare(Map.of("title", "Disk full", "severity", "high", "service", "checkout",
                "description", "db-1", "labels", Map.of("env", "prod")));
        String assignee = engineer.userId().toString();
        api.patch(id, Map.of("severity", "critical", "assigneeId", assignee, "labels", Map.of("env", "prod", "team", "db")))
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("severity", equalTo("critical"))
                .body("assigneeId", equalTo(assignee))
                .body("labels.team", equalTo("db"))
                .body("title", equalTo("Disk full"))
                .body("description", equalTo("db-1"));
        api.patch(id, "{\"description\": null, \"service\": null}").statusCode(200)
                .body("description", nullValue()).body("service", nullValue());
        api.patch(id, Map.of("title", "Disk full")).statusCode(200).body("version", equalTo(2));

        api.timeline(id).body("items.kind", equalTo(List.of("created", "updated", "updated")))
                .body("items[1].data.changes.severity.from", equalTo("high"))
                .body("items[1].data.changes.severity.to", equalTo("critical"))
                .body("items[2].data.changes.description.to", nullValue());
    }

    @Test
    void aBadPatchNamesEveryBadFieldAndChangesNothing() {
        String id = api.declare("Untouched");
        api.patch(id, Map.of("title", " ", "severity", "bad", "state", "RESOLVED", "assigneeId", "nobody",
                "startedAt", "yesterday")).statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("title", "severity", "state",
                        "assigneeId", "startedAt"))
                .body("errors.find { it.field == 'state' }.message", containsString("transitions"));
        api.patch(id, "{}").statusCode(400);
        api.patch(id, "[1]").statusCode(400);
        api.get(id).body("title", equalTo("Untouched")).body("version", equalTo(0));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
