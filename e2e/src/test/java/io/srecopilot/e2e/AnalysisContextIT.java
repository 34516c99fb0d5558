package io.srecopilot.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ai asks ingest, with its own service account, for what happened around an incident: a deploy
 * recorded shortly before the alerts is cited as evidence, and the analysis no longer says changes
 * were missing.
 */
@ExtendWith(RunningStack.class)
class AnalysisContextIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aDeployJustBeforeTheAlertsIsCitedByTheAnalysis(Stack stack) {
        Tenant team = Tenant.register(stack, "Initech");
        String key = team.createApiKey();
        Instant deployedAt = Instant.now().minus(8, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        given().baseUri(stack.url("ingest")).auth().oauth2(team.token).contentType("application/json")
                .body(Map.of("service", "checkout", "version", "v42", "description", "new payment flow",
                        "deployedAt", deployedAt.toString()))
                .when().post("/api/v1/ingest/changes").then().statusCode(201);

        team.sendAlerts(key, Notifications.checkoutFailing("{}:{service=\"checkout\",run=\"context\"}"))
                .then().statusCode(200);

        await().atMost(WAIT).untilAsserted(() -> given().baseUri(stack.url("incidents")).auth().oauth2(team.token)
                .when().get("/api/v1/incidents").then().body("items.size()", equalTo(1)));
        String incidentId = given().baseUri(stack.url("incidents")).auth().oauth2(team.token).when()
                .get("/api/v1/incidents").then().extract().path("items[0].id");
        await().atMost(WAIT).untilAsserted(() -> team.analysis(incidentId).then().statusCode(200)
                .body("status", equalTo("completed")));

        team.analysis(incidentId).then()
                .body("hypotheses[0].suspectService", equalTo("checkout"))
                .body("hypotheses[0].evidence.kind", hasItem("change"))
                .body("hypotheses[0].evidence.find { it.kind == 'change' }.summary", containsString("checkout v42"))
                .body("missingData.source", not(hasItem("changes")))
                .body("missingData.find { it.source == 'metrics' }.reason", containsString("no query template"));
    }
}
