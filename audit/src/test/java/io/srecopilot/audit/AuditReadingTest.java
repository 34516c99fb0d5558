package io.srecopilot.audit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.ActorType;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.ResourceRef;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.TestCaller;
import io.srecopilot.platform.testing.TestStream;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Filters, the owner's tenant-wide view, exports and statistics of the audit log. */
@QuarkusTest
class AuditReadingTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    ObjectMapper mapper;

    private final TestCaller owner = TestCaller.newTenant(Role.OWNER);
    private final TestCaller admin = owner.withRole(Role.ADMIN);
    private final TestCaller neighbour = owner.inAnotherProject().withRole(Role.ADMIN);

    @Test
    void ownersReadTheWholeTenantAdminsTheirProjectAndFiltersNarrowIt() {
        announce(admin, "alice", "incident.created", "i-1", Map.of("title", "API down"));
        announce(admin, "bob", "notification.failed", "n-1", Map.of("error", "HTTP 500"));
        announce(neighbour, "carol", "incident.created", "i-9", Map.of("title", "Queue stuck"));
        await().atMost(WAIT).untilAsserted(() -> list(owner, Map.of()).body("items.size()", equalTo(3)));

        list(admin, Map.of()).body("items.actor.id", containsInAnyOrder("alice", "bob"));
        list(owner, Map.of("projectId", neighbour.projectId())).body("items.actor.id", contains("carol"));
        list(admin, Map.of("outcome", "failure")).body("items.action", contains("notification.failed"));
        list(admin, Map.of("actorId", "alice")).body("items.resource.id", contains("i-1"));
        list(admin, Map.of("from", "2000-01-01T00:00:00Z", "to", "2000-01-02T00:00:00Z")).body("items.size()", equalTo(0));
        given().auth().oauth2(admin.token()).queryParam("projectId", neighbour.projectId()).when().get("/api/v1/audit")
                .then().statusCode(404);
        given().auth().oauth2(admin.token()).queryParam("outcome", "maybe").when().get("/api/v1/audit")
                .then().statusCode(400);
        given().auth().oauth2(admin.token()).queryParam("from", "2026-12-01T00:00:00Z").queryParam("to", "2026-11-01T00:00:00Z")
                .when().get("/api/v1/audit").then().statusCode(400).body("errors[0].field", equalTo("from"));
    }

    @Test
    void exportsStreamEveryMatchingRecordAsJsonLinesOrCsv() throws Exception {
        for (int i = 0; i < 3; i++) {
            announce(admin, "alice", "incident.commented", "i-" + i, Map.of("body", "=HYPERLINK(\"x\"), note " + i));
        }
        await().atMost(WAIT).untilAsserted(() -> list(admin, Map.of()).body("items.size()", equalTo(3)));

        String jsonLines = given().auth().oauth2(admin.token()).when().get("/api/v1/audit/export.jsonl").then()
                .statusCode(200).contentType("application/x-ndjson").extract().asString();
        List<String> lines = jsonLines.lines().toList();
        assertEquals(3, lines.size());
        assertEquals("incident.commented", mapper.readTree(lines.get(0)).get("action").asText());

        String csv = given().auth().oauth2(admin.token()).queryParam("actorId", "alice").when().get("/api/v1/audit/export.csv")
                .then().statusCode(200).contentType("text/csv").header("Content-Disposition", equalTo(
                        "attachment; filename=\"audit.csv\"")).extract().asString();
        List<String> rows = csv.lines().toList();
        assertEquals(4, rows.size());
        assertTrue(rows.get(0).startsWith("id,occurredAt,actorType,actorId,action"), rows.get(0));
        assertTrue(rows.get(1).contains(",user,alice,incident.commented,incident,"), rows.get(1));
        given().auth().oauth2(admin.withRole(Role.ENGINEER).token()).when().get("/api/v1/audit/export.csv").then()
                .statusCode(403);
    }

    @Test
    void statsCountActionsPerDayTopActorsAndFailures() {
        announce(admin, "alice", "incident.created", "i-1", Map.of());
        announce(admin, "alice", "incident.updated", "i-1", Map.of());
        announce(admin, "bob", "notification.failed", "n-1", Map.of());
        await().atMost(WAIT).untilAsserted(() -> list(admin, Map.of()).body("items.size()", equalTo(3)));

        given().auth().oauth2(admin.token()).when().get("/api/v1/audit/stats").then().statusCode(200)
                .body("actionsPerDay[0].actions", equalTo(3))
                .body("topActors[0].id", equalTo("alice")).body("topActors[0].actions", equalTo(2))
                .body("failures", equalTo(1));
    }

    @Test
    void refusedRequestsRecordedByTheServicesCountAsFailures() {
        announce(admin, "mallory", "http.request", "incidents", Map.of("method", "DELETE", "path",
                "/api/v1/incidents/42", "status", 404, "outcome", "refused", "ip", "203.0.113.9"));
        announce(admin, "alice", "http.request", "incidents", Map.of("method", "POST", "path", "/api/v1/incidents",
                "status", 201, "outcome", "succeeded"));
        await().atMost(WAIT).untilAsserted(() -> list(admin, Map.of()).body("items.size()", equalTo(2)));

        list(admin, Map.of("outcome", "failure")).body("items.actor.id", contains("mallory"))
                .body("items[0].data.ip", equalTo("203.0.113.9"));
    }

    private io.restassured.response.ValidatableResponse list(TestCaller caller, Map<String, ?> query) {
        return given().auth().oauth2(caller.token()).queryParams(query).when().get("/api/v1/audit").then().statusCode(200);
    }

    private void announce(TestCaller caller, String actor, String type, String resource, Map<String, Object> data) {
        TestStream.append(EventEnvelope.create(type, caller.tenantId(), caller.projectId(),
                new Actor(ActorType.USER, actor), new ResourceRef(type.startsWith("notification") ? "notification"
                        : "incident", resource), mapper.valueToTree(data)));
    }
}
