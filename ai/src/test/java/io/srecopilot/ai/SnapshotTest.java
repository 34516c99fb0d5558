package io.srecopilot.ai;

import static io.restassured.RestAssured.given;
import static io.srecopilot.ai.AnnouncedIncidents.analysis;
import static io.srecopilot.ai.AnnouncedIncidents.announceAndWait;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.TestCaller;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every analysis keeps what it rested on, unchangeably, for the project to read and check. */
@QuarkusTest
class SnapshotTest {

    @Inject
    Pool database;

    private final TestCaller engineer = TestCaller.newTenant(Role.ENGINEER);

    @Test
    void theSnapshotShowsWhatTheAnalysisSawAndItsHashHolds() {
        String analysisId = analysis(engineer, announceAndWait(engineer, "Checkout errors")).getString("id");
        String path = "/api/v1/ai/analyses/" + analysisId + "/snapshot";

        given().auth().oauth2(engineer.withRole(Role.VIEWER).token()).when().get(path).then().statusCode(200)
                .body("verified", equalTo(true))
                .body("snapshot.incident.title", equalTo("Checkout errors"))
                .body("snapshot.signals.alertname", hasItem("DatabaseConnectionErrors"))
                .body("snapshot.servicesInScope", equalTo(List.of("checkout")))
                .body("snapshot.contextUnavailable", equalTo("auth did not issue ai's service token, so ingest was not asked"))
                .body("snapshot.weights.signalStrength", equalTo(0.25f));
        given().when().get(path).then().statusCode(401);
        for (TestCaller stranger : List.of(TestCaller.newTenant(Role.OWNER), engineer.inAnotherProject())) {
            given().auth().oauth2(stranger.token()).when().get(path).then().statusCode(404);
        }
        given().auth().oauth2(engineer.token()).when().get("/api/v1/ai/analyses/" + UUID.randomUUID() + "/snapshot")
                .then().statusCode(404);
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteASnapshot() {
        UUID analysisId = UUID.fromString(analysis(engineer, announceAndWait(engineer, "Checkout errors"))
                .getString("id"));

        Exception update = assertThrows(Exception.class, () -> database.preparedQuery(
                "UPDATE ai.analysis_snapshot SET content = '{}' WHERE analysis_id = $1").execute(Tuple.of(analysisId))
                .await().indefinitely());
        Exception delete = assertThrows(Exception.class, () -> database.preparedQuery(
                "DELETE FROM ai.analysis_snapshot WHERE analysis_id = $1").execute(Tuple.of(analysisId))
                .await().indefinitely());
        assertTrue(update.getMessage().contains("immutable"), update.getMessage());
        assertTrue(delete.getMessage().contains("immutable"), delete.getMessage());
    }
}
