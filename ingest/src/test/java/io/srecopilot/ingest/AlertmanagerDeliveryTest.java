package io.srecopilot.ingest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.testing.PrometheusResource;
import io.srecopilot.platform.testing.PrometheusServer;
import io.srecopilot.platform.testing.TestCaller;
import io.srecopilot.platform.testing.TestStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole way in, with the real thing: Prometheus scrapes a target, its rule fires, Alertmanager
 * delivers to this ingest with a bearer credential, and the resolution arrives the same way.
 */
@QuarkusTest
@QuarkusTestResource(PrometheusResource.class)
class AlertmanagerDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String QUEUE = "sre_test_am_queue{service=\"billing\"}";

    @Test
    void aFiringRuleArrivesThroughAlertmanagerAndSoDoesItsResolution() {
        TestCaller project = PrometheusResource.alertmanagerSender();
        PrometheusResource.target().set(QUEUE, 500);
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> statuses(project).equals(List.of("firing")));
        given().auth().oauth2(project.token()).when().get("/api/v1/signals").then()
                .body("items[0].alertname", equalTo("SreTestQueueTooDeep")).body("items[0].service", equalTo("billing"))
                .body("items[0].severity", equalTo("critical")).body("items[0].source", equalTo("alertmanager"))
                .body("items[0].annotations.summary", equalTo("The queue of billing is 500 deep"));
        await().atMost(WAIT).until(() -> !TestStream.published(project.tenantId().toString(), "alertgroup.opened")
                .isEmpty());
        EventEnvelope opened = TestStream.published(project.tenantId().toString(), "alertgroup.opened").get(0);
        assertEquals("{}:{alertname=\"SreTestQueueTooDeep\", service=\"billing\"}", opened.data().get("groupKey").asText());

        PrometheusResource.target().set(QUEUE, 3);
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> statuses(project).equals(List.of("resolved")));
        await().atMost(WAIT).until(() -> !TestStream.published(project.tenantId().toString(), "alertgroup.resolved")
                .isEmpty());
    }

    @Test
    void aTruncatedNotificationIsBackFilledFromAlertmanagersApi() {
        TestCaller admin = TestCaller.newTenant(io.srecopilot.platform.security.Role.ADMIN);
        String now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        List<Map<String, Object>> alerts = java.util.stream.IntStream.rangeClosed(1, 3)
                .mapToObj(i -> Map.<String, Object>of("labels", Map.of("alertname", "BackfillMe", "service", "ledger",
                        "instance", "i" + i), "annotations", Map.of("summary", "ledger " + i), "startsAt", now))
                .toList();
        given().contentType("application/json").body(alerts).when()
                .post(PrometheusResource.alertmanagerUrl() + "/api/v2/alerts").then().log().ifValidationFails().statusCode(200);
        List<Map<String, Object>> held = given().queryParam("filter", "alertname=\"BackfillMe\"").when()
                .get(PrometheusResource.alertmanagerUrl() + "/api/v2/alerts").then().statusCode(200).extract().path("$");
        assertEquals(3, held.size());
        given().auth().oauth2(admin.token()).contentType("application/json").body(Map.of("type", "prometheus",
                "name", "with-alertmanager", "url", PrometheusResource.server().url(),
                "alertmanagerUrl", PrometheusResource.alertmanagerUrl(), "auth", Map.of("type", "basic", "username",
                        PrometheusServer.USER, "password", PrometheusServer.PASSWORD)))
                .when().post("/api/v1/integrations").then().statusCode(201);

        Map<String, Object> first = held.get(0);
        Map<String, Object> onlyOne = new java.util.HashMap<>(AlertmanagerPayloads.notification(
                "{}:{alertname=\"BackfillMe\"}", "firing"));
        onlyOne.put("groupLabels", Map.of("alertname", "BackfillMe"));
        onlyOne.put("externalURL", PrometheusResource.alertmanagerUrl());
        onlyOne.put("truncatedAlerts", 2);
        onlyOne.put("alerts", List.of(Map.of("status", "firing", "labels", first.get("labels"),
                "annotations", first.get("annotations"), "startsAt", first.get("startsAt"),
                "endsAt", "0001-01-01T00:00:00Z", "fingerprint", first.get("fingerprint"))));
        String group = AlertmanagerPayloads.post(admin.token(), onlyOne).log().ifValidationFails().statusCode(200).body("stored", equalTo(1))
                .extract().path("alertGroupId");

        await().atMost(WAIT).until(() -> given().auth().oauth2(admin.token()).when()
                .get("/api/v1/signals/groups/" + group).then().extract().<List<?>>path("signals").size() == 3);
        given().auth().oauth2(admin.token()).when().get("/api/v1/signals/groups/" + group).then()
                .body("truncatedAlerts", equalTo(2)).body("signals.labels.instance",
                        org.hamcrest.Matchers.containsInAnyOrder("i1", "i2", "i3"));
        given().auth().oauth2(admin.token()).when().get("/api/v1/integrations").then()
                .body("items[0].health.status", equalTo("ok"));
    }

    private static List<String> statuses(TestCaller project) {
        return given().auth().oauth2(project.token()).when().get("/api/v1/signals").then().statusCode(200).extract()
                .path("items.status");
    }
}
