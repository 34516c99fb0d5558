package io.srecopilot.ai;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.ResourceRef;
import io.srecopilot.platform.testing.TestCaller;
import io.srecopilot.platform.testing.TestStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Announces incidents as incidents would and waits for ai to have analysed them. */
public final class AnnouncedIncidents {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private AnnouncedIncidents() {
    }

    /** A critical incident on checkout with two alerts; emits its id once its analysis is readable. */
    public static UUID announceAndWait(ObjectMapper mapper, TestCaller caller, String title) {
        UUID incidentId = UUID.randomUUID();
        Map<String, Object> incident = Map.of("id", incidentId.toString(), "number", 11, "title", title,
                "service", "checkout", "severity", "critical", "state", "DETECTED", "startedAt", "2026-11-23T06:00:00Z");
        List<Map<String, Object>> signals = List.of(signal("DatabaseConnectionErrors", "critical", "2026-11-23T06:00:00Z"),
                signal("HighLatency", "warning", "2026-11-23T06:02:00Z"));
        TestStream.append(EventEnvelope.create("incident.created", caller.tenantId(), caller.projectId(),
                Actor.system("correlation"), new ResourceRef("incident", incidentId.toString()),
                mapper.valueToTree(Map.of("incident", incident, "signals", signals))));
        awaitFinished(caller, incidentId);
        return incidentId;
    }

    /** Waits until the incident's latest analysis has completed or failed (it is readable, running, at once). */
    public static void awaitFinished(TestCaller caller, UUID incidentId) {
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(caller.token()).when()
                .get(analysisPath(incidentId)).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.oneOf("completed", "failed")));
    }

    public static JsonPath analysis(TestCaller caller, UUID incidentId) {
        return given().auth().oauth2(caller.token()).when().get(analysisPath(incidentId)).then().statusCode(200)
                .extract().jsonPath();
    }

    public static String analysisPath(UUID incidentId) {
        return "/api/v1/ai/incidents/" + incidentId + "/analysis";
    }

    private static Map<String, Object> signal(String alertname, String severity, String startsAt) {
        return Map.of("id", UUID.randomUUID().toString(), "alertname", alertname, "service", "checkout",
                "severity", severity, "status", "firing", "startsAt", startsAt,
                "labels", Map.of("alertname", alertname), "annotations", Map.of("summary", alertname + " on checkout"));
    }
}
