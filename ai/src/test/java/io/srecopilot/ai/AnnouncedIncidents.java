package io.srecopilot.ai;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.srecopilot.platform.testing.TestCaller;
import java.time.Duration;
import java.util.UUID;

/** Announces incidents as incidents would and waits for ai to have analysed them. */
public final class AnnouncedIncidents {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private AnnouncedIncidents() {
    }

    /** A critical incident on checkout with two alerts; emits its id once its analysis is readable. */
    public static UUID announceAndWait(TestCaller caller, String title) {
        UUID incidentId = IncidentAnnouncement.of(caller, title, "checkout").number(11)
                .alert("DatabaseConnectionErrors", "critical", "2026-11-23T06:00:00Z")
                .alert("HighLatency", "warning", "2026-11-23T06:02:00Z")
                .publish();
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
}
