package io.srecopilot.ingest;

import static io.restassured.RestAssured.given;
import static io.srecopilot.ingest.AlertmanagerPayloads.alert;
import static io.srecopilot.ingest.AlertmanagerPayloads.notification;
import static io.srecopilot.ingest.AlertmanagerPayloads.post;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.TestCaller;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Per-project correlation rules decide groups, and every signal says why it is in its group. */
@QuarkusTest
class CorrelationRulesTest {

    private static final String RULES = "/api/v1/signals/correlation-rules";

    private final TestCaller admin = TestCaller.newTenant(Role.ADMIN);

    @Inject
    DataSource database;

    @Test
    void withoutRulesAlertmanagersGroupKeyDecidesAndSaysSo() {
        post(admin.token(), notification("{}:{alertname=\"A\"}", "firing", alert("A", "firing"))).statusCode(200);
        why(signalIds().get(0)).body("rule", equalTo("group-key"))
                .body("keys.groupKey", equalTo("{}:{alertname=\"A\"}")).body("window", nullValue());
    }

    @Test
    void aLabelRuleGroupsAcrossNotificationsWithinItsWindowAndExplainsEachLink() throws SQLException {
        String ruleId = createRule("same-alert-same-service", List.of("service", "alertname"), 600)
                .statusCode(201).extract().path("id");

        Map<String, Object> fromOneRoute = notification("route-a", "firing", alert("HighLatency", "firing"));
        Map<String, Object> fromAnother = notification("route-b", "firing", alertOn("HighLatency", "search", "s1"),
                alertOn("HighLatency", "checkout", "c2"));
        String group = post(admin.token(), fromOneRoute).statusCode(200).body("announced", equalTo("alertgroup.opened"))
                .body("groups[0].rule", equalTo("labels")).extract().path("alertGroupId");
        post(admin.token(), fromAnother).statusCode(200).body("groups", hasSize(2))
                .body("groups.find { it.alertGroupId == '" + group + "' }.announced", equalTo("alertgroup.updated"));

        given().auth().oauth2(admin.token()).queryParam("alertGroupId", group).when().get("/api/v1/signals").then()
                .body("items", hasSize(2)).body("items.service", equalTo(List.of("checkout", "checkout")));
        String member = given().auth().oauth2(admin.token()).queryParam("alertGroupId", group)
                .when().get("/api/v1/signals").then().extract().path("items[0].id");
        why(member).body("rule", equalTo("labels")).body("ruleId", equalTo(ruleId))
                .body("ruleName", equalTo("same-alert-same-service"))
                .body("keys", equalTo(Map.of("alertname", "HighLatency", "service", "checkout")))
                .body("window.value", equalTo(10)).body("window.unit", equalTo("minutes"))
                .body("alertGroupId", equalTo(group));
        given().auth().oauth2(admin.token()).when().get("/api/v1/signals/groups/" + group).then()
                .body("commonLabels", equalTo(Map.of("alertname", "HighLatency", "service", "checkout")));

        resolveAll(fromOneRoute, fromAnother);
        ageGroup(group);
        String later = post(admin.token(), notification("route-a", "firing", alertOn("HighLatency", "checkout", "c9")))
                .statusCode(200).body("announced", equalTo("alertgroup.opened")).extract().path("alertGroupId");
        assertNotEquals(group, later);
    }

    @Test
    void anAlertStoredBeforeARuleResolvesInTheGroupItWasStoredIn() {
        String group = post(admin.token(), notification("before-rule", "firing", alert("A", "firing")))
                .statusCode(200).extract().path("alertGroupId");
        createRule("by-service", List.of("service"), 600).statusCode(201);

        post(admin.token(), notification("before-rule", "resolved", alert("A", "resolved"))).statusCode(200)
                .body("changed", equalTo(1));
        given().auth().oauth2(admin.token()).when().get("/api/v1/signals/groups/" + group).then()
                .body("status", equalTo("resolved")).body("signals[0].status", equalTo("resolved"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                io.srecopilot.platform.testing.TestStream.published(admin.tenantId().toString(), "alertgroup.resolved")
                        .stream().anyMatch(event -> event.resource().id().equals(group)));
    }

    @Test
    void rulesLeaveEventsInTheirDedupKeyGroup() {
        createRule("by-service", List.of("service"), 600).statusCode(201);
        given().auth().oauth2(admin.token()).contentType("application/json")
                .body(Map.of("event_action", "trigger", "dedup_key", "k1", "payload",
                        Map.of("summary", "s", "source", "checkout", "severity", "info")))
                .when().post("/api/v1/ingest/events").then().statusCode(202);
        why(signalIds().get(0)).body("rule", equalTo("dedup-key")).body("keys.dedup_key", equalTo("k1"));
    }

    @Test
    void rulesAreReadByViewersWrittenByAdminsAndValidated() {
        String id = createRule("first", List.of("service"), 300).statusCode(201)
                .body("labelNames", equalTo(List.of("service"))).body("priority", equalTo(100))
                .body("enabled", equalTo(true)).body("window.unit", equalTo("minutes")).extract().path("id");
        createRule("first", List.of("job"), 300).statusCode(409).contentType("application/problem+json");
        Map<String, Object> invalid = rule("", List.of("not a label"), 5);
        given().auth().oauth2(admin.token()).contentType("application/json").body(invalid).when().post(RULES).then()
                .statusCode(400).body("errors.field", equalTo(List.of("labelNames[0]", "name", "windowSeconds")));

        given().auth().oauth2(admin.withRole(Role.VIEWER).token()).when().get(RULES).then().statusCode(200)
                .body("items.name", equalTo(List.of("first")));
        given().auth().oauth2(admin.withRole(Role.ENGINEER).token()).contentType("application/json")
                .body(rule("second", List.of("job"), 300)).when().post(RULES).then().statusCode(403);
        given().when().get(RULES).then().statusCode(401);
        for (TestCaller stranger : List.of(TestCaller.newTenant(Role.OWNER), admin.inAnotherProject())) {
            given().auth().oauth2(stranger.token()).contentType("application/json").body(rule("x", List.of("job"), 300))
                    .when().put(RULES + "/" + id).then().statusCode(404);
            given().auth().oauth2(stranger.token()).when().delete(RULES + "/" + id).then().statusCode(404);
        }

        Map<String, Object> disabled = rule("first", List.of("service", "env"), 3_600);
        disabled.put("enabled", false);
        given().auth().oauth2(admin.token()).contentType("application/json").body(disabled).when().put(RULES + "/" + id)
                .then().statusCode(200).body("enabled", equalTo(false)).body("window.value", equalTo(1))
                .body("window.unit", equalTo("hours")).body("labelNames", equalTo(List.of("env", "service")));
        post(admin.token(), notification("g", "firing", alert("A", "firing"))).statusCode(200)
                .body("groups[0].rule", equalTo("group-key"));
        given().auth().oauth2(admin.token()).when().delete(RULES + "/" + id).then().statusCode(204);
        given().auth().oauth2(admin.token()).when().get(RULES).then().body("items", hasSize(0));
    }

    private void resolveAll(Map<String, Object> first, Map<String, Object> second) {
        for (Map<String, Object> notification : List.of(first, second)) {
            notification.put("status", "resolved");
            AlertmanagerPayloads.alerts(notification).forEach(alert -> {
                alert.put("status", "resolved");
                alert.put("endsAt", "2026-11-23T06:30:00Z");
            });
            post(admin.token(), notification).statusCode(200);
        }
    }

    /** As if the group last heard of a signal an hour ago, past the rule's 10-minute window. */
    private void ageGroup(String groupId) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement update = connection.prepareStatement(
                "UPDATE ingest.alert_group SET updated_at = now() - interval '1 hour' WHERE id = ? AND status = 'resolved'")) {
            update.setObject(1, UUID.fromString(groupId));
            assertEquals(1, update.executeUpdate());
        }
    }

    private ValidatableResponse createRule(String name, List<String> labels, int windowSeconds) {
        return given().auth().oauth2(admin.token()).contentType("application/json")
                .body(rule(name, labels, windowSeconds)).when().post(RULES).then();
    }

    private ValidatableResponse why(String signalId) {
        return given().auth().oauth2(admin.withRole(Role.VIEWER).token()).when()
                .get("/api/v1/signals/" + signalId + "/correlation").then().statusCode(200)
                .body("signalId", equalTo(signalId)).body("alertGroupId", not(nullValue()));
    }

    private List<String> signalIds() {
        return given().auth().oauth2(admin.token()).when().get("/api/v1/signals").then().extract().path("items.id");
    }

    private static Map<String, Object> rule(String name, List<String> labels, int windowSeconds) {
        Map<String, Object> rule = new HashMap<>();
        rule.put("name", name);
        rule.put("labelNames", labels);
        rule.put("windowSeconds", windowSeconds);
        return rule;
    }

    private static Map<String, Object> alertOn(String name, String service, String fingerprint) {
        Map<String, Object> alert = alert(name, "firing");
        alert.put("labels", Map.of("alertname", name, "service", service, "severity", "page"));
        alert.put("fingerprint", fingerprint);
        return alert;
    }
}
