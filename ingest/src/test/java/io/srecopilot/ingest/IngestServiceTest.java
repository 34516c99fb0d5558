package io.srecopilot.ingest;

import static io.restassured.RestAssured.given;
import static io.srecopilot.ingest.AlertmanagerPayloads.WEBHOOK;
import static io.srecopilot.ingest.AlertmanagerPayloads.alert;
import static io.srecopilot.ingest.AlertmanagerPayloads.alerts;
import static io.srecopilot.ingest.AlertmanagerPayloads.notification;
import static io.srecopilot.ingest.AlertmanagerPayloads.post;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.security.ApiKeyFormat;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.ServiceContractTest;
import io.srecopilot.platform.testing.TestCaller;
import io.srecopilot.platform.testing.TestStream;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IngestServiceTest extends ServiceContractTest {

    private static final Duration WAIT = Duration.ofSeconds(20);


    /** Alertmanager would use an API key; these tests send as an engineer, which ingest accepts too. */
    private final TestCaller admin = TestCaller.newTenant(Role.ENGINEER);

    IngestServiceTest() {
        super("/api/v1/ingest", "1");
    }

    @Test
    void refusesMissingAndUnderprivilegedCredentials() {
        given().contentType("application/json").body(notification("g", "firing", alert("A", "firing")))
                .when().post(WEBHOOK).then().statusCode(401).contentType("application/problem+json");
        post("not-a-token", notification("g", "firing", alert("A", "firing"))).statusCode(401);
        post(admin.withRole(Role.VIEWER).token(), notification("g", "firing", alert("A", "firing"))).statusCode(403);
    }

    @Test
    void anApiKeyThatCannotBeCheckedIsA503SoAlertmanagerRetries() {
        post(ApiKeyFormat.generate().key(), notification("g", "firing", alert("A", "firing"))).statusCode(503)
                .contentType("application/problem+json").header("Retry-After", "5");
        given().auth().oauth2(admin.token()).when().get("/api/v1/signals").then().body("items", empty());
    }

    @Test
    void storesAlertsAsSignalsAndAnnouncesTheNewGroupOnce() {
        String key = admin.token();
        Map<String, Object> firing = notification("{}:{service=\"checkout\"}", "firing",
                alert("HighErrorRate", "firing"), alert("HighLatency", "firing"));
        post(key, firing).statusCode(200)
                .body("received", equalTo(2)).body("stored", equalTo(2))
                .body("announced", equalTo("alertgroup.opened"));

        List<EventEnvelope> opened = awaitAnnounced("alertgroup.opened", 1);
        assertEquals(2, opened.get(0).data().get("signals").size());
        assertEquals(admin.userId().toString(), opened.get(0).actor().id());
        given().auth().oauth2(admin.token()).when().get("/api/v1/signals").then().statusCode(200)
                .body("items.alertname", containsInAnyOrder("HighErrorRate", "HighLatency"))
                .body("items.service", everyItem(equalTo("checkout")))
                .body("items.severity", everyItem(equalTo("critical")));
        given().auth().oauth2(TestCaller.newTenant(Role.OWNER).token()).when().get("/api/v1/signals").then()
                .body("items", empty());
    }

    @Test
    void redeliveriesAndHaDuplicatesChangeNothing() {
        String key = admin.token();
        Map<String, Object> firing = notification("dup", "firing", alert("DiskFull", "firing"));
        post(key, firing).statusCode(200).body("stored", equalTo(1));
        post(key, firing).statusCode(200).body("duplicates", equalTo(1)).body("announced", nullValue());
        Map<String, Object> fromPeer = notification("dup", "firing", alert("DiskFull", "firing"));
        alerts(fromPeer).get(0).put("endsAt", "2026-11-23T07:30:00Z");
        post(key, fromPeer).statusCode(200).body("duplicates", equalTo(1)).body("announced", nullValue());

        awaitAnnounced("alertgroup.opened", 1);
        assertEquals(0, TestStream.published(admin.tenantId().toString(), "alertgroup.updated").size());
        given().auth().oauth2(admin.token()).when().get("/api/v1/signals").then().body("items.size()", equalTo(1));
    }

    @Test
    void aGroupThatGrowsIsUpdatedAndOneThatStopsFiringIsResolved() {
        String key = admin.token();
        post(key, notification("grow", "firing", alert("A", "firing"))).statusCode(200);
        post(key, notification("grow", "firing", alert("A", "firing"), alert("B", "firing"))).statusCode(200)
                .body("stored", equalTo(1)).body("duplicates", equalTo(1)).body("announced", equalTo("alertgroup.updated"));
        JsonNode updated = awaitAnnounced("alertgroup.updated", 1).get(0).data().get("signals");
        assertEquals(1, updated.size());
        assertEquals("B", updated.get(0).get("alertname").asText());

        post(key, notification("grow", "resolved", alert("A", "resolved"), alert("B", "resolved"))).statusCode(200)
                .body("changed", equalTo(2)).body("announced", equalTo("alertgroup.resolved"));
        awaitAnnounced("alertgroup.resolved", 1);
        given().auth().oauth2(admin.token()).when().get("/api/v1/signals").then()
                .body("items.status", everyItem(equalTo("resolved")));
    }

    @Test
    void anInvalidNotificationIsRefusedWholeAndNamesItsFaults() {
        String key = admin.token();
        Map<String, Object> invalid = notification("bad", "firing", alert("Good", "firing"), alert("Bad", "burning"));
        invalid.put("version", "3");
        alerts(invalid).get(1).remove("startsAt");
        post(key, invalid).statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("version", "alerts[1].status", "alerts[1].startsAt"));
        Map<String, Object> empty = notification("bad", "firing");
        post(key, empty).statusCode(400).body("errors[0].field", equalTo("alerts"));
        given().header("Authorization", "Bearer " + key).contentType("application/json").body("{\"alerts\": [")
                .when().post(WEBHOOK).then().statusCode(400).body("type", equalTo("urn:sre-copilot:problem:malformed-body"));

        given().auth().oauth2(admin.token()).when().get("/api/v1/signals").then().body("items", empty());
        post(key, notification("after", "firing", alert("After", "firing"))).statusCode(200);
        assertEquals("after", awaitAnnounced("alertgroup.opened", 1).get(0).data().get("groupKey").asText());
    }

    /** Waits for the relay to publish {@code count} events of the type, and for no more to follow. */
    private List<EventEnvelope> awaitAnnounced(String type, int count) {
        await().atMost(WAIT).until(() -> TestStream.published(admin.tenantId().toString(), type).size() >= count);
        List<EventEnvelope> events = TestStream.published(admin.tenantId().toString(), type);
        assertEquals(count, events.size());
        return events;
    }
}
