package io.srecopilot.ai;

import static io.restassured.RestAssured.given;
import static io.srecopilot.ai.AnnouncedIncidents.analysisPath;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.srecopilot.platform.domain.Severity;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.TestCaller;
import io.srecopilot.platform.testing.TestStream;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every analysis ends: completed (inconclusive when there is nothing to go on, saying what is
 * missing) or failed with its step and reason, and a failed one can be run again. An analysis whose
 * worker died is taken over once its lease runs out, and failed after three attempts.
 */
@QuarkusTest
class AnalysisLifecycleTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool database;

    private final TestCaller engineer = TestCaller.newTenant(Role.ENGINEER);

    @Test
    void anIncidentDeclaredByHandWithoutAlertsGetsAFinishedAnalysisThatSaysWhatWasMissing() {
        UUID incidentId = declaredByHand(UUID.randomUUID()).publish();

        AnnouncedIncidents.awaitFinished(engineer, incidentId);
        given().auth().oauth2(engineer.token()).when().get(analysisPath(incidentId)).then().statusCode(200)
                .body("status", equalTo("completed"))
                .body("inconclusive", equalTo(true))
                .body("hypotheses", empty())
                .body("rankedServices", empty())
                .body("missingData.source", hasItem("alerts"))
                .body("steps.find { it.name == 'reasoning' }.detail",
                        containsString("inconclusive: there is nothing to form a hypothesis from"));
        await().atMost(WAIT).until(() -> completedFor(incidentId) == 1);
    }

    @Test
    void anAnalysisThatCannotBeDoneFailsWithItsStepAndReasonAndCanBeRunAgainOnceFixed() {
        UUID incidentId = UUID.randomUUID();
        // An announcement ai cannot read (another version of incidents, say): no incident in it.
        database.preparedQuery("INSERT INTO incident_context (incident_id, tenant_id, project_id, snapshot, received_at) "
                + "VALUES ($1, $2, $3, CAST($4::text AS jsonb), now())")
                .execute(Tuple.of(incidentId, engineer.tenantId(), engineer.projectId(), "{\"signals\": []}"))
                .await().indefinitely();

        given().auth().oauth2(engineer.token()).when().post(analysisPath(incidentId)).then().statusCode(202)
                .body("status", equalTo("failed"))
                .body("failure.step", equalTo("incident"))
                .body("failure.reason", containsString("no incident id"))
                .body("steps.name", contains("incident"))
                .body("steps[0].status", equalTo("failed"));
        given().auth().oauth2(engineer.token()).when().get(analysisPath(incidentId)).then()
                .body("status", equalTo("failed"));
        await().atMost(WAIT).until(() -> TestStream.published(engineer.tenantId().toString(), "analysis.failed").stream()
                .anyMatch(event -> event.resource().id().equals(incidentId.toString())));

        database.preparedQuery("UPDATE incident_context SET snapshot = CAST($2::text AS jsonb) WHERE incident_id = $1")
                .execute(Tuple.of(incidentId, declaredByHand(incidentId).event().data().toString()))
                .await().indefinitely();
        given().auth().oauth2(engineer.token()).when().post(analysisPath(incidentId)).then().statusCode(202)
                .body("status", equalTo("completed")).body("failure", nullValue()).body("origin", equalTo("rerun"));
    }

    @Test
    void anAnalysisWhoseWorkerDiedIsTakenOverWhenItsLeaseRunsOut() {
        UUID incidentId = declaredByHand(UUID.randomUUID()).publish();
        AnnouncedIncidents.awaitFinished(engineer, incidentId);
        UUID orphan = orphan(incidentId, 1);

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(engineer.token()).when()
                .get(analysisPath(incidentId)).then().body("id", equalTo(orphan.toString()))
                .body("status", equalTo("completed")).body("attempts", equalTo(2)));
    }

    @Test
    void anAnalysisNoAttemptOfWhichFinishedFailsSayingSo() {
        UUID incidentId = declaredByHand(UUID.randomUUID()).publish();
        AnnouncedIncidents.awaitFinished(engineer, incidentId);
        UUID orphan = orphan(incidentId, 3);

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(engineer.token()).when()
                .get(analysisPath(incidentId)).then().body("id", equalTo(orphan.toString()))
                .body("status", equalTo("failed")).body("failure.step", equalTo("attempts"))
                .body("failure.reason", containsString("none of 3 attempts finished")));
        JsonPath again = given().auth().oauth2(engineer.token()).when().post(analysisPath(incidentId)).then()
                .statusCode(202).extract().jsonPath();
        assertEquals("completed", again.getString("status"));
    }

    @Test
    void whileAnAnalysisRunsAnotherIsRefused() {
        UUID incidentId = declaredByHand(UUID.randomUUID()).publish();
        AnnouncedIncidents.awaitFinished(engineer, incidentId);
        running(incidentId, 1, "now() + interval '1 hour'");

        given().auth().oauth2(engineer.token()).when().post(analysisPath(incidentId)).then().statusCode(409)
                .body("type", equalTo("urn:sre-copilot:problem:conflict"));
        given().auth().oauth2(engineer.withRole(Role.VIEWER).token()).when().get(analysisPath(incidentId)).then()
                .statusCode(200).body("status", equalTo("running"));
    }

    /** A running analysis whose worker is gone: its lease ran out a minute ago. */
    private UUID orphan(UUID incidentId, int attempts) {
        return running(incidentId, attempts, "now() - interval '1 minute'");
    }

    /** A running analysis of the incident as a worker would hold it, its lease ending at {@code leaseUntil} (SQL). */
    private UUID running(UUID incidentId, int attempts, String leaseUntil) {
        UUID id = UUID.randomUUID();
        database.preparedQuery("INSERT INTO analysis (id, tenant_id, project_id, incident_id, status, reasoner, findings, "
                + "started_at, origin, attempts, lease_until) VALUES ($1, $2, $3, $4, 'running', 'deterministic', "
                + "'{\"missingData\": [], \"rankedServices\": [], \"steps\": []}', now(), 'rerun', $5, " + leaseUntil + ")")
                .execute(Tuple.of(id, engineer.tenantId(), engineer.projectId(), incidentId, attempts))
                .await().indefinitely();
        return id;
    }

    /** An incident declared by hand: on no service and with no alerts. */
    private IncidentAnnouncement declaredByHand(UUID incidentId) {
        return IncidentAnnouncement.of(engineer, "Customers report slow checkout", null).id(incidentId)
                .severity(Severity.HIGH).number(3);
    }

    private long completedFor(UUID incidentId) {
        return TestStream.published(engineer.tenantId().toString(), "analysis.completed").stream()
                .filter(event -> event.resource().id().equals(incidentId.toString())).count();
    }
}
