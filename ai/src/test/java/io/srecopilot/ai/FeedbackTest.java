package io.srecopilot.ai;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.TestCaller;
import io.srecopilot.platform.testing.TestStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Engineers accept or reject hypotheses, once each and changeably; everyone in the project can read it. */
@QuarkusTest
class FeedbackTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final TestCaller engineer = TestCaller.newTenant(Role.ENGINEER);

    @Test
    void aVerdictIsGivenChangedAnnouncedAndRead() {
        String path = "/api/v1/ai/hypotheses/" + topHypothesis() + "/feedback";

        given().auth().oauth2(engineer.token()).contentType("application/json")
                .body(Map.of("verdict", "accepted", "note", "pool exhausted, as it says")).when().put(path)
                .then().statusCode(200).body("verdict", equalTo("accepted")).body("category", equalTo("errors"))
                .body("suspectService", equalTo("checkout"));
        given().auth().oauth2(engineer.token()).contentType("application/json")
                .body(Map.of("verdict", "rejected", "note", "it was the database after all")).when().put(path)
                .then().statusCode(200).body("verdict", equalTo("rejected"));

        given().auth().oauth2(engineer.withRole(Role.VIEWER).token()).when().get(path).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].verdict", equalTo("rejected"))
                .body("items[0].note", equalTo("it was the database after all"));
        await().atMost(WAIT).until(() -> TestStream.published(engineer.tenantId().toString(), "hypothesis.feedback")
                .size() == 2);
        EventEnvelope last = TestStream.published(engineer.tenantId().toString(), "hypothesis.feedback").get(1);
        assertEquals("rejected", last.data().get("feedback").get("verdict").asText());
        assertEquals("checkout is failing requests", last.data().get("claim").asText());
    }

    @Test
    void onlyEngineersOfTheProjectMayJudgeAndBadVerdictsAreRefused() {
        String path = "/api/v1/ai/hypotheses/" + topHypothesis() + "/feedback";
        Map<String, String> accept = Map.of("verdict", "accepted");

        given().contentType("application/json").body(accept).when().put(path).then().statusCode(401);
        given().auth().oauth2(engineer.withRole(Role.VIEWER).token()).contentType("application/json").body(accept)
                .when().put(path).then().statusCode(403);
        for (TestCaller stranger : List.of(TestCaller.newTenant(Role.OWNER), engineer.inAnotherProject())) {
            given().auth().oauth2(stranger.withRole(Role.OWNER).token()).contentType("application/json").body(accept)
                    .when().put(path).then().statusCode(404);
            given().auth().oauth2(stranger.token()).when().get(path).then().statusCode(404);
        }
        given().auth().oauth2(engineer.token()).contentType("application/json").body(Map.of("verdict", "maybe"))
                .when().put(path).then().statusCode(400).body("errors[0].field", equalTo("verdict"));
        given().auth().oauth2(engineer.token()).when().get(path).then().body("items", hasSize(0));
    }

    private String topHypothesis() {
        UUID incidentId = IncidentAnnouncement.of(engineer, "Checkout errors", "checkout").number(5)
                .alert("HighErrorRate", "critical", "2026-11-23T06:00:00Z", Map.of("alertname", "HighErrorRate"), Map.of())
                .publish();
        AnnouncedIncidents.awaitFinished(engineer, incidentId);
        return given().auth().oauth2(engineer.token()).when().get(AnnouncedIncidents.analysisPath(incidentId))
                .path("hypotheses[0].id");
    }
}
