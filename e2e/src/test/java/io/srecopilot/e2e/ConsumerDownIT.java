package io.srecopilot.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two consumers of the event stream, incidents and audit, crash ({@code kill -9}, with events in
 * flight) and stay down for five minutes ({@code -Dsre.faults.consumer-down=PT5M}) while alerts keep
 * arriving at ingest; started again, they catch up: every alert group becomes exactly one incident
 * and every event its one audit record — nothing lost, nothing twice.
 */
@ExtendWith(RunningStack.class)
class ConsumerDownIT {

    private static final Duration DOWN = Duration.parse(System.getProperty("sre.faults.consumer-down", "PT5M"));
    private static final int NOTIFICATIONS = 30;
    private static final Duration CATCH_UP = Duration.ofSeconds(120);

    @Test
    void consumersDownForFiveMinutesLoseNothingWhenTheyReturn(Stack stack) throws InterruptedException {
        Tenant team = Tenant.register(stack, "Consumers down");
        String key = team.createApiKey();
        team.sendAlerts(key, notification(-1)).then().statusCode(200);

        stack.kill("incidents");
        stack.kill("audit");
        long downSince = System.nanoTime();
        long every = DOWN.toMillis() / NOTIFICATIONS;
        for (int i = 0; i < NOTIFICATIONS; i++) {
            given().baseUri(stack.url("ingest")).header("Authorization", "Bearer " + key).contentType("application/json")
                    .body(notification(i)).when().post("/api/v1/ingest/alertmanager").then().statusCode(200);
            Thread.sleep(every);
        }
        Thread.sleep(Math.max(0, DOWN.toMillis() - (System.nanoTime() - downSince) / 1_000_000));
        stack.restart("incidents");
        stack.restart("audit");

        int groups = NOTIFICATIONS + 1;
        await().atMost(CATCH_UP).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertEquals(groups, (int) given().baseUri(stack.url("incidents")).auth().oauth2(team.token)
                    .queryParam("limit", 200).when().get("/api/v1/incidents").then().statusCode(200)
                    .extract().path("items.size()"), "incidents");
            assertEquals(groups, AuditTrail.count(stack, team.token, "alertgroup.opened"), "audit records of the groups");
            assertEquals(groups, AuditTrail.count(stack, team.token, "incident.created"), "audit records of the incidents");
        });
    }

    private static Map<String, Object> notification(int i) {
        String service = "consumer" + i;
        return Notifications.failing(service, "{}:{service=\"" + service + "\"}");
    }
}
