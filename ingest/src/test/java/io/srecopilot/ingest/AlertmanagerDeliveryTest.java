package io.srecopilot.ingest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.testing.PrometheusResource;
import io.srecopilot.platform.testing.TestCaller;
import io.srecopilot.platform.testing.TestStream;
import java.time.Duration;
import java.util.List;
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

    private static List<String> statuses(TestCaller project) {
        return given().auth().oauth2(project.token()).when().get("/api/v1/signals").then().statusCode(200).extract()
                .path("items.status");
    }
}
