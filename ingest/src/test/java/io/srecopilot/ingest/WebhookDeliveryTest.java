package io.srecopilot.ingest;

import static io.restassured.RestAssured.given;
import static io.srecopilot.ingest.AlertmanagerPayloads.alert;
import static io.srecopilot.ingest.AlertmanagerPayloads.alerts;
import static io.srecopilot.ingest.AlertmanagerPayloads.notification;
import static io.srecopilot.ingest.AlertmanagerPayloads.post;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.TestCaller;
import io.srecopilot.platform.testing.TestStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How deliveries in any order, from HA pairs, partial or truncated, end up stored. */
@QuarkusTest
class WebhookDeliveryTest {

    private final TestCaller engineer = TestCaller.newTenant(Role.ENGINEER);

    @Test
    void aLateFiringDeliveryNeverUnresolvesAnAlert() {
        String key = engineer.token();
        String group = post(key, notification("late", "resolved", alert("A", "resolved"))).statusCode(200)
                .body("announced", nullValue()).extract().path("alertGroupId");
        post(key, notification("late", "firing", alert("A", "firing"))).statusCode(200)
                .body("duplicates", equalTo(1)).body("announced", nullValue());

        groupView(group).body("status", equalTo("resolved")).body("resolvedAt", notNullValue())
                .body("signals[0].status", equalTo("resolved")).body("signals[0].endsAt", equalTo("2026-11-23T06:30:00Z"));
    }

    @Test
    void aGroupResolvesOnlyWhenEveryMemberHas() {
        String key = engineer.token();
        String group = post(key, notification("members", "firing", alert("A", "firing"), alert("B", "firing")))
                .statusCode(200).extract().path("alertGroupId");
        post(key, notification("members", "resolved", alert("A", "resolved"))).statusCode(200)
                .body("changed", equalTo(1)).body("announced", equalTo("alertgroup.updated"));
        groupView(group).body("status", equalTo("firing")).body("resolvedAt", nullValue());

        post(key, notification("members", "resolved", alert("A", "resolved"), alert("B", "resolved"))).statusCode(200)
                .body("changed", equalTo(1)).body("duplicates", equalTo(1)).body("announced", equalTo("alertgroup.resolved"));
        groupView(group).body("status", equalTo("resolved")).body("signals.status", equalTo(List.of("resolved", "resolved")));
    }

    @Test
    void truncationIsRecordedAndLaterFieldsAreTolerated() {
        Map<String, Object> truncated = notification("truncated", "firing", alert("A", "firing"));
        truncated.put("truncatedAlerts", 37);
        truncated.put("notification_reason", "group_interval");
        truncated.put("routeLabels", Map.of("team", "payments"));
        alerts(truncated).get(0).put("silencedBy", List.of());
        String group = post(engineer.token(), truncated).statusCode(200).extract().path("alertGroupId");

        groupView(group).body("truncatedAlerts", equalTo(37)).body("signals.size()", equalTo(1));
        Map<String, Object> negative = notification("truncated", "firing", alert("A", "firing"));
        negative.put("truncatedAlerts", -1);
        post(engineer.token(), negative).statusCode(400).body("errors[0].field", equalTo("truncatedAlerts"));
    }

    @Test
    void concurrentDeliveriesFromAnHaPairStoreOneSignalAndAnnounceOnce() throws Exception {
        String key = engineer.token();
        Map<String, Object> firing = notification("ha", "firing", alert("Peer", "firing"), alert("Other", "firing"));
        ExecutorService peers = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> deliveries = IntStream.range(0, 16)
                    .<Callable<Integer>>mapToObj(i -> () -> post(key, firing).extract().statusCode()).toList();
            for (Future<Integer> answer : peers.invokeAll(deliveries)) {
                assertEquals(200, answer.get());
            }
        } finally {
            peers.shutdownNow();
        }

        given().auth().oauth2(key).when().get("/api/v1/signals").then().body("items.size()", equalTo(2));
        String tenant = engineer.tenantId().toString();
        await().atMost(Duration.ofSeconds(20)).until(() -> !TestStream.published(tenant, "alertgroup.opened").isEmpty());
        assertEquals(1, TestStream.published(tenant, "alertgroup.opened").size());
        assertEquals(0, TestStream.published(tenant, "alertgroup.updated").size());
    }

    @Test
    void groupsAndSignalsOfAnotherProjectOrTenantAreNotFound() {
        String group = post(engineer.token(), notification("mine", "firing", alert("Mine", "firing")))
                .statusCode(200).extract().path("alertGroupId");
        String signal = given().auth().oauth2(engineer.token()).when().get("/api/v1/signals").then()
                .extract().path("items[0].id");
        given().auth().oauth2(engineer.withRole(Role.VIEWER).token()).when().get("/api/v1/signals/" + signal).then()
                .statusCode(200).body("alertGroupId", equalTo(group));
        for (TestCaller stranger : List.of(TestCaller.newTenant(Role.OWNER), engineer.inAnotherProject())) {
            given().auth().oauth2(stranger.token()).when().get("/api/v1/signals/groups/" + group).then()
                    .statusCode(404).contentType("application/problem+json");
            given().auth().oauth2(stranger.token()).when().get("/api/v1/signals/" + signal).then().statusCode(404);
        }
        given().when().get("/api/v1/signals/groups/" + group).then().statusCode(401);
    }

    private io.restassured.response.ValidatableResponse groupView(String groupId) {
        return given().auth().oauth2(engineer.token()).when().get("/api/v1/signals/groups/" + groupId).then()
                .statusCode(200);
    }
}
