package io.srecopilot.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A policy written at ai acts through incidents: an enforced auto-acknowledge moves the new
 * incident to ACKNOWLEDGED as the policy's actor, and the decision is listed at ai.
 */
@ExtendWith(RunningStack.class)
class PolicyIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void anEnforcedAutoAcknowledgePolicyAcknowledgesTheIncident(Stack stack) {
        Tenant team = Tenant.register(stack, "Umbrella");
        given().baseUri(stack.url("ai")).auth().oauth2(team.token).contentType("application/json")
                .body(Map.of("name", "ack confident critical", "mode", "enforce",
                        "condition", "confidence >= 0.4 AND severity >= \"high\"",
                        "actions", List.of(Map.of("type", "auto_acknowledge"))))
                .when().post("/api/v1/ai/policies").then().statusCode(201);

        team.sendAlerts(team.createApiKey(), Notifications.checkoutFailing("{}:{service=\"checkout\",run=\"policy\"}"))
                .then().statusCode(200);

        await().atMost(WAIT).untilAsserted(() -> given().baseUri(stack.url("incidents")).auth().oauth2(team.token)
                .when().get("/api/v1/incidents").then().body("items[0].state", equalTo("ACKNOWLEDGED")));
        given().baseUri(stack.url("ai")).auth().oauth2(team.token).when().get("/api/v1/ai/policies/decisions")
                .then().statusCode(200).body("items.action", hasItem("auto_acknowledge"))
                .body("items[0].mode", equalTo("enforce"));
    }
}
