package io.srecopilot.ai;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.ServiceContractTest;
import io.srecopilot.platform.testing.TestCaller;
import io.srecopilot.platform.testing.TestStream;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AiServiceTest extends ServiceContractTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final TestCaller engineer = TestCaller.newTenant(Role.ENGINEER);

    AiServiceTest() {
        super("/api/v1/ai", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    }

    @Test
    void refusesCallersWithoutTokenAndViewersWhoAskForANewRun() {
        String path = "/api/v1/ai/incidents/" + UUID.randomUUID() + "/analysis";
        given().when().get(path).then().statusCode(401);
        given().auth().oauth2(engineer.withRole(Role.VIEWER).token()).when().post(path).then().statusCode(403);
    }

    @Test
    void anAnnouncedIncidentIsAnalysedOnceWithExplainedRankedHypotheses() {
        UUID incidentId = UUID.randomUUID();
        EventEnvelope created = incidentCreated(incidentId);
        TestStream.append(created);
        TestStream.append(created);

        String path = "/api/v1/ai/incidents/" + incidentId + "/analysis";
        AnnouncedIncidents.awaitFinished(engineer.withRole(Role.VIEWER), incidentId);
        given().auth().oauth2(engineer.token()).when().get(path).then()
                .body("status", equalTo("completed"))
                .body("reasoner", equalTo("deterministic"))
                .body("inconclusive", equalTo(true))
                .body("missingData.source", hasItems("metrics", "changes"))
                // Tests run without auth or ingest: the analysis goes on from alerts and says why.
                .body("missingData[0].reason", equalTo("auth did not issue ai's service token, so ingest was not asked"))
                // Each step of the run, how it went and how long it took.
                .body("steps.name", contains("incident", "memory", "context", "ranking", "llm", "reasoning", "snapshot",
                        "policies", "recommendations"))
                .body("steps.status", contains("completed", "completed", "unavailable", "completed", "completed",
                        "completed", "completed", "completed", "completed"))
                .body("steps[2].detail", equalTo("auth did not issue ai's service token, so ingest was not asked"))
                // Tests talk to a local Azure OpenAI stand-in, which proposes nothing unless asked to.
                .body("steps[4].detail", equalTo("0 proposal(s) in 100+10 tokens"))
                .body("steps[5].detail", equalTo("2 hypothesis(es), the first at 0.435; inconclusive: the best hypothesis is at 0.435, below 0.60"))
                .body("origin", equalTo("incident.created"))
                .body("attempts", equalTo(1))
                .body("failure", nullValue())
                .body("steps[0].durationMs", notNullValue())
                .body("rankedServices[0].service", equalTo("checkout"))
                .body("hypotheses[0].rank", equalTo(1))
                .body("hypotheses[0].claim", equalTo("checkout is failing requests"))
                .body("hypotheses[0].suspectService", equalTo("checkout"))
                .body("hypotheses[0].category", equalTo("errors"))
                // 0.25·1.0 (critical) + 0.20·1.0 (fired first) + 0.20·0 (no precedent)
                // + 0.20·(1/3 agree + 1 specific + 2/2 on checkout + 0 metrics)/4 + 0.15·0.5 (no verdicts),
                // made a probability by the prior curve: 1 / (1 + e^-(4.994·0.642 − 3.466)).
                .body("hypotheses[0].rawConfidence", equalTo(0.642f))
                .body("hypotheses[0].confidence", equalTo(0.435f))
                .body("hypotheses[0].confidenceBreakdown", hasSize(5))
                .body("hypotheses[0].confidenceBreakdown.name", contains("signal_strength", "temporal_correlation",
                        "precedent_frequency", "evidence_quality", "human_validation"))
                .body("hypotheses[0].evidence[0].alertname", equalTo("HighErrorRate"))
                .body("hypotheses[1].category", equalTo("latency"));

        await().atMost(WAIT).until(() -> TestStream.published(engineer.tenantId().toString(), "analysis.completed").size() == 1);
        assertEquals(1, TestStream.published(engineer.tenantId().toString(), "analysis.started").size());
        EventEnvelope completed = TestStream.published(engineer.tenantId().toString(), "analysis.completed").get(0);
        assertEquals(incidentId.toString(), completed.resource().id());
        assertEquals("checkout is failing requests", completed.data().get("hypotheses").get(0).get("claim").asText());
    }

    @Test
    void anEngineerCanRunTheAnalysisAgain() {
        UUID incidentId = UUID.randomUUID();
        TestStream.append(incidentCreated(incidentId));
        String path = "/api/v1/ai/incidents/" + incidentId + "/analysis";
        AnnouncedIncidents.awaitFinished(engineer, incidentId);
        String first = given().auth().oauth2(engineer.token()).when().get(path).path("id");

        String second = given().auth().oauth2(engineer.token()).when().post(path).then().statusCode(202)
                .body("status", equalTo("completed")).body("id", not(equalTo(first))).extract().path("id");
        given().auth().oauth2(engineer.token()).when().get(path).then().body("id", equalTo(second));
        await().atMost(WAIT).until(() -> TestStream.published(engineer.tenantId().toString(), "analysis.completed").size() == 2);
    }

    @Test
    void anotherTenantOrProjectCannotSeeOrRunIt() {
        UUID incidentId = UUID.randomUUID();
        TestStream.append(incidentCreated(incidentId));
        String path = "/api/v1/ai/incidents/" + incidentId + "/analysis";
        AnnouncedIncidents.awaitFinished(engineer, incidentId);

        for (TestCaller stranger : List.of(TestCaller.newTenant(Role.OWNER), engineer.inAnotherProject())) {
            given().auth().oauth2(stranger.token()).when().get(path).then().statusCode(404)
                    .body("type", equalTo("urn:sre-copilot:problem:not-found"));
            given().auth().oauth2(stranger.withRole(Role.OWNER).token()).when().post(path).then().statusCode(404);
        }
        given().auth().oauth2(engineer.token()).when().post("/api/v1/ai/incidents/" + UUID.randomUUID() + "/analysis")
                .then().statusCode(404).body("detail", notNullValue());
    }

    private EventEnvelope incidentCreated(UUID incidentId) {
        return IncidentAnnouncement.of(engineer, "Checkout errors", "checkout").id(incidentId).number(7)
                .alert("HighErrorRate", "critical", "2026-11-23T06:00:00Z")
                .alert("HighLatency", "warning", "2026-11-23T06:03:00Z").event();
    }


}
