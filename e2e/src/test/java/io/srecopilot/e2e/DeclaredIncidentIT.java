package io.srecopilot.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An incident declared by hand, with no alerts and no metrics to go on, gets a finished analysis:
 * inconclusive, no hypothesis, saying what it did not have — never "Analysing…" for ever.
 */
@ExtendWith(RunningStack.class)
class DeclaredIncidentIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aDeclaredIncidentIsAnalysedAndSaysWhatItMissed(Stack stack) {
        Tenant team = Tenant.register(stack, "Declared");
        String incidentId = given().baseUri(stack.url("incidents")).auth().oauth2(team.token)
                .contentType("application/json")
                .body(Map.of("title", "Customers report slow checkout", "severity", "high"))
                .when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");

        await().atMost(WAIT).untilAsserted(() -> given().baseUri(stack.url("ai")).auth().oauth2(team.token).when()
                .get("/api/v1/ai/incidents/" + incidentId + "/analysis").then().statusCode(200)
                .body("status", equalTo("completed")));
        given().baseUri(stack.url("ai")).auth().oauth2(team.token).when()
                .get("/api/v1/ai/incidents/" + incidentId + "/analysis").then()
                .body("inconclusive", equalTo(true))
                .body("hypotheses", empty())
                .body("missingData.source", hasItem("alerts"))
                .body("steps.find { it.name == 'reasoning' }.detail", containsString("nothing to form a hypothesis from"));
    }
}
