package io.srecopilot.incidents;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.TestCaller;
import io.srecopilot.platform.testing.TestStream;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Alert groups from ingest's events becoming incidents: open, attach, resolve, reopen. */
@QuarkusTest
class CorrelationTest {

    private static final Duration WAIT = IncidentsServiceTest.WAIT;

    @Inject
    DataSource database;

    private final TestCaller engineer = TestCaller.newTenant(Role.ENGINEER);
    private final IncidentsApi api = new IncidentsApi(engineer);

    @Test
    void theSameGroupDeliveredAgainOpensOneIncidentWithItsAlerts() {
        AlertGroupEvents group = new AlertGroupEvents(engineer, "checkout");
        group.alert("HighErrorRate", "critical", "2026-11-23T06:00:00Z");
        group.alert("HighLatency", "warning", "2026-11-23T06:02:00Z");
        EventEnvelope opened = group.opened();
        TestStream.append(opened);
        TestStream.append(opened);
        TestStream.append(AlertGroupEvents.redelivered(opened));
        TestStream.append(AlertGroupEvents.redelivered(group.firing()));

        String id = awaitIncidents(1).get(0);
        api.get(id).body("title", equalTo("checkout is failing"))
                .body("severity", equalTo("critical"))
                .body("service", equalTo("checkout"))
                .body("source", equalTo("alertmanager"))
                .body("labels.service", equalTo("checkout"))
                .body("alertGroupIds", equalTo(List.of(group.groupId().toString())))
                .body("startedAt", equalTo("2026-11-23T06:00:00Z"));
        given().auth().oauth2(engineer.token()).when().get("/api/v1/incidents/" + id + "/signals").then()
                .body("items.alertname", containsInAnyOrder("HighErrorRate", "HighLatency"))
                .body("items.severity", containsInAnyOrder("critical", "medium"));
        api.timeline(id).body("items.kind", equalTo(List.of("created", "alert_group_attached")))
                .body("items[1].actor.id", equalTo("correlation"))
                .body("items[1].data.reason.rule", equalTo("new-alert-group"))
                .body("items[1].data.reason.window.value", equalTo(15))
                .body("items[1].data.reason.window.unit", equalTo("minutes"));

        await().atMost(WAIT).until(() -> TestStream.published(tenant(), "incident.created").size() == 1);
        EventEnvelope created = TestStream.published(tenant(), "incident.created").get(0);
        assertEquals(id, created.resource().id());
        assertEquals(2, created.data().get("signals").size());
        assertEquals(group.groupId().toString(), created.data().get("incident").get("alertGroupIds").get(0).asText());
    }

    @Test
    void anIncidentOpenedFromGenericEventsSaysSo() {
        AlertGroupEvents group = new AlertGroupEvents(engineer, "billing").from("event");
        group.alert("DiskFull", "critical", "2026-11-23T06:00:00Z");
        TestStream.append(group.opened());

        api.get(awaitIncidents(1).get(0)).body("source", equalTo("event")).body("service", equalTo("billing"));
    }

    @Test
    void aNewGroupOfTheSameServiceWithinTheWindowJoinsTheOpenIncidentAndSaysWhy() {
        AlertGroupEvents first = new AlertGroupEvents(engineer, "payments");
        first.alert("HighLatency", "warning", "2026-11-23T06:00:00Z");
        TestStream.append(first.opened());
        String id = awaitIncidents(1).get(0);

        AlertGroupEvents second = new AlertGroupEvents(engineer, "payments");
        second.alert("PodCrashLooping", "critical", "2026-11-23T06:05:00Z");
        TestStream.append(second.opened());
        AlertGroupEvents elsewhere = new AlertGroupEvents(engineer, "search");
        elsewhere.alert("HighLatency", "warning", "2026-11-23T06:05:00Z");
        TestStream.append(elsewhere.opened());

        awaitIncidents(2);
        await().atMost(WAIT).untilAsserted(() -> api.get(id).body("alertGroupIds.size()", equalTo(2)));
        api.get(id).body("severity", equalTo("critical"));
        api.timeline(id).body("items.kind", hasItem("alert_group_attached"))
                .body("items.find { it.data.reason?.rule == 'same-service-within-window' }.data.reason.keys.service",
                        equalTo("payments"))
                .body("items.find { it.data.reason?.rule == 'same-service-within-window' }.data.alertGroupId",
                        equalTo(second.groupId().toString()));
        await().atMost(WAIT).until(() -> TestStream.published(tenant(), "incident.updated").stream()
                .anyMatch(event -> event.data().path("changes").has("alertGroupAttached")));
    }

    @Test
    void aNewGroupAfterTheWindowOpensAnIncidentOfItsOwn() throws SQLException {
        AlertGroupEvents first = new AlertGroupEvents(engineer, "payments");
        first.alert("HighLatency", "warning", "2026-11-23T06:00:00Z");
        TestStream.append(first.opened());
        String id = awaitIncidents(1).get(0);
        sql("UPDATE incidents.incident SET last_signal_at = now() - interval '16 minutes' WHERE id = ?", id);

        AlertGroupEvents late = new AlertGroupEvents(engineer, "payments");
        late.alert("HighLatency", "warning", "2026-11-23T06:30:00Z");
        TestStream.append(late.opened());
        awaitIncidents(2);
        api.get(id).body("alertGroupIds.size()", equalTo(1));
    }

    @Test
    void whenEveryAttachedGroupResolvesTheIncidentResolvesAndARefireWithinTheWindowReopensIt() {
        AlertGroupEvents first = new AlertGroupEvents(engineer, "orders");
        first.alert("HighErrorRate", "high", "2026-11-23T06:00:00Z");
        AlertGroupEvents second = new AlertGroupEvents(engineer, "orders");
        second.alert("HighLatency", "high", "2026-11-23T06:01:00Z");
        TestStream.append(first.opened());
        String id = awaitIncidents(1).get(0);
        TestStream.append(second.opened());
        await().atMost(WAIT).untilAsserted(() -> api.get(id).body("alertGroupIds.size()", equalTo(2)));

        TestStream.append(first.resolved());
        await().atMost(WAIT).untilAsserted(() -> api.timeline(id).body("items.kind", hasItem("alert_group_resolved")));
        api.get(id).body("state", equalTo("DETECTED"));

        TestStream.append(second.resolved());
        await().atMost(WAIT).untilAsserted(() -> api.get(id).body("state", equalTo("RESOLVED")));
        api.timeline(id).body("items.find { it.kind == 'transition' }.message", equalTo("All 2 of its alert groups resolved"))
                .body("items.find { it.kind == 'transition' }.actor.id", equalTo("correlation"));

        TestStream.append(first.firing());
        await().atMost(WAIT).untilAsserted(() -> api.get(id).body("state", equalTo("INVESTIGATING")));
        api.timeline(id).body("items.findAll { it.kind == 'transition' }.message",
                hasItem("Alert group fired again within 15 minutes of resolution"));
        api.list("").body("items.size()", equalTo(1));
    }

    @Test
    void aRefireLongAfterResolutionOpensANewIncident() throws SQLException {
        AlertGroupEvents group = new AlertGroupEvents(engineer, "cart");
        group.alert("HighErrorRate", "high", "2026-11-23T06:00:00Z");
        TestStream.append(group.opened());
        String id = awaitIncidents(1).get(0);
        TestStream.append(group.resolved());
        await().atMost(WAIT).untilAsserted(() -> api.get(id).body("state", equalTo("RESOLVED")));
        sql("UPDATE incidents.incident SET resolved_at = now() - interval '2 hours' WHERE id = ?", id);

        TestStream.append(group.firing());
        List<String> ids = awaitIncidents(2);
        String reopened = ids.get(0);
        api.get(id).body("state", equalTo("RESOLVED"));
        api.timeline(reopened).body("items[1].data.reason.rule", equalTo("refired-after-window"));
    }

    @Test
    void aProjectThatDoesNotAutoResolveKeepsTheIncidentOpenAndItsWindowApplies() {
        TestCaller admin = engineer.withRole(Role.ADMIN);
        given().auth().oauth2(admin.token()).contentType("application/json")
                .body(Map.of("correlationWindowSeconds", 3600, "autoResolve", false))
                .when().put("/api/v1/incidents/settings").then().statusCode(200)
                .body("correlationWindowSeconds", equalTo(3600)).body("autoResolve", equalTo(false));
        AlertGroupEvents group = new AlertGroupEvents(engineer, "ledger");
        group.alert("DiskFull", "critical", "2026-11-23T06:00:00Z");
        TestStream.append(group.opened());
        String id = awaitIncidents(1).get(0);
        api.timeline(id).body("items[1].data.reason.window.value", equalTo(1))
                .body("items[1].data.reason.window.unit", equalTo("hours"));

        TestStream.append(group.resolved());
        await().atMost(WAIT).untilAsserted(() -> api.timeline(id).body("items.kind", hasItem("alert_group_resolved")));
        api.get(id).body("state", equalTo("DETECTED"));
    }

    @Test
    void settingsAreReadByViewersChangedByAdminsAndValidated() {
        given().when().get("/api/v1/incidents/settings").then().statusCode(401);
        given().auth().oauth2(engineer.withRole(Role.VIEWER).token()).when().get("/api/v1/incidents/settings").then()
                .statusCode(200).body("correlationWindowSeconds", equalTo(900)).body("autoResolve", equalTo(true));
        given().auth().oauth2(engineer.token()).contentType("application/json")
                .body(Map.of("correlationWindowSeconds", 600, "autoResolve", true))
                .when().put("/api/v1/incidents/settings").then().statusCode(403);
        given().auth().oauth2(engineer.withRole(Role.ADMIN).token()).contentType("application/json")
                .body(Map.of("correlationWindowSeconds", 5))
                .when().put("/api/v1/incidents/settings").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("correlationWindowSeconds", "autoResolve"));
    }

    /** Ids of the project's incidents, newest first, once there are {@code count}. */
    private List<String> awaitIncidents(int count) {
        await().atMost(WAIT).untilAsserted(() -> api.list("").body("items.size()", equalTo(count)));
        return api.list("").extract().path("items.id");
    }

    private String tenant() {
        return engineer.tenantId().toString();
    }

    private void sql(String statement, String id) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement update = connection.prepareStatement(statement)) {
            update.setObject(1, UUID.fromString(id));
            assertEquals(1, update.executeUpdate());
        }
    }
}
