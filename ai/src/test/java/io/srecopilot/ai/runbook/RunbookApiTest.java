package io.srecopilot.ai.runbook;

import static io.restassured.RestAssured.given;
import static io.srecopilot.ai.AnnouncedIncidents.analysis;
import static io.srecopilot.ai.AnnouncedIncidents.announceAndWait;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.srecopilot.ai.IncidentAnnouncement;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.TestCaller;
import io.srecopilot.platform.testing.TestStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Admins keep runbooks; analyses recommend them per hypothesis with what resolving took when they were followed. */
@QuarkusTest
class RunbookApiTest {

    private static final String RUNBOOKS = "/api/v1/ai/runbooks";

    private final TestCaller admin = TestCaller.newTenant(Role.ADMIN);

    @Test
    void aFittingRunbookIsRecommendedWithItsRiskUsesAndTheMttrSeen() {
        String runbookId = create(admin, drainPool()).path("id");
        UUID earlier = announceAndWait(admin, "Checkout cannot reach its database");
        given().auth().oauth2(admin.withRole(Role.ENGINEER).token()).contentType("application/json")
                .body(Map.of("incidentId", earlier)).when().post(RUNBOOKS + "/" + runbookId + "/uses")
                .then().statusCode(201).body("incidentId", equalTo(earlier.toString()));
        TestStream.append(learned(earlier));
        await().atMost(Duration.ofSeconds(20)).until(() -> TestStream.published(admin.tenantId().toString(),
                "runbook.used").size() == 1);

        JsonPath analysis = await().atMost(Duration.ofSeconds(20)).until(
                () -> analysis(admin, announceAndWait(admin, "Checkout cannot reach its database again")),
                // Until the precedent is kept, the runbook has no MTTR seen yet (null).
                found -> Long.valueOf(1800L).equals(
                        found.getObject("hypotheses[0].recommendedRunbooks[0].mttrSecondsSeen", Long.class)));

        Map<String, Object> recommended = analysis.getMap("hypotheses[0].recommendedRunbooks[0]");
        assertEquals("Drain the checkout connection pool", recommended.get("title"));
        assertEquals("medium", recommended.get("riskLevel"));
        assertEquals(1, recommended.get("timesUsed"));
        assertEquals(List.of("written for checkout", "for alerts like DatabaseConnectionErrors", "tagged dependency"),
                ((List<?>) recommended.get("reasons")).subList(0, 3));
        assertEquals("completed", analysis.getString("steps.find { it.name == 'recommendations' }.status"));
    }

    @Test
    void adminsWriteEngineersAndViewersReadAndStrangersSeeNothing() {
        String id = create(admin, drainPool()).path("id");
        String path = RUNBOOKS + "/" + id;
        Map<String, Object> changed = new java.util.HashMap<>(drainPool());
        changed.put("riskLevel", "high");

        given().when().get(RUNBOOKS).then().statusCode(401);
        given().auth().oauth2(admin.withRole(Role.VIEWER).token()).when().get(RUNBOOKS).then().statusCode(200)
                .body("items", hasSize(1));
        given().auth().oauth2(admin.withRole(Role.ENGINEER).token()).contentType("application/json").body(changed)
                .when().put(path).then().statusCode(403);
        given().auth().oauth2(admin.token()).contentType("application/json").body(changed).when().put(path)
                .then().statusCode(200).body("riskLevel", equalTo("high")).body("version", equalTo(1));
        create(admin, drainPool()).then().statusCode(409);
        for (TestCaller stranger : List.of(TestCaller.newTenant(Role.OWNER), admin.inAnotherProject())) {
            given().auth().oauth2(stranger.token()).when().get(path).then().statusCode(404);
            given().auth().oauth2(stranger.withRole(Role.OWNER).token()).contentType("application/json").body(changed)
                    .when().put(path).then().statusCode(404);
            given().auth().oauth2(stranger.withRole(Role.OWNER).token()).when().delete(path).then().statusCode(404);
            given().auth().oauth2(stranger.token()).when().get(RUNBOOKS).then().body("items", hasSize(0));
        }
        given().auth().oauth2(admin.withRole(Role.ENGINEER).token()).contentType("application/json")
                .body(Map.of("incidentId", UUID.randomUUID())).when().post(path + "/uses").then().statusCode(404);
        given().auth().oauth2(admin.token()).when().delete(path).then().statusCode(204);
        given().auth().oauth2(admin.token()).when().get(path).then().statusCode(404);
    }

    @Test
    void badRunbooksAreRefusedFieldByFieldAndNothingIsWritten() {
        Map<String, Object> bad = Map.of("title", " ", "steps", "1. x", "tags", List.of("Not A Tag"),
                "alertPatterns", List.of("Pod(.*)"), "riskLevel", "extreme");

        create(admin, bad).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("title", "riskLevel"))
                .body("errors", hasSize(4));
        given().auth().oauth2(admin.token()).when().get(RUNBOOKS).then().body("items", hasSize(0));
    }

    private static io.restassured.response.Response create(TestCaller caller, Map<String, Object> runbook) {
        return given().auth().oauth2(caller.token()).contentType("application/json").body(runbook).when().post(RUNBOOKS);
    }

    private static Map<String, Object> drainPool() {
        return Map.of("title", "Drain the checkout connection pool",
                "description", "When checkout cannot get database connections.",
                "steps", "1. Check `pg_stat_activity`.\n2. Restart the stuck pods one by one.",
                "tags", List.of("dependency"), "services", List.of("checkout"),
                "alertPatterns", List.of("DatabaseConnection*"), "riskLevel", "medium");
    }

    private EventEnvelope learned(UUID incidentId) {
        return IncidentAnnouncement.of(admin, "Checkout cannot reach its database", "checkout").id(incidentId)
                .number(11).learned("a leak in v3", null);
    }
}
