package io.srecopilot.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL stops under the running stack and comes back. Meanwhile webhooks are answered 503
 * (never a 4xx, which Alertmanager would not retry, nor a 5xx of another kind) and reads 503 too; an
 * alert acknowledged just before the stop still becomes an incident; afterwards every service is
 * ready again without a restart, and the notifications refused during the outage, sent again as
 * Alertmanager does, are stored once — nothing of them was half-written before.
 */
@ExtendWith(RunningStack.class)
class PostgresRestartIT {

    private static final Duration OUTAGE = Duration.ofSeconds(15);
    private static final Duration RECOVERY = Duration.ofSeconds(90);

    @Test
    void duringAnOutageWebhooksAre503AndAfterItEverythingRecoversWithoutARestart(Stack stack) throws Exception {
        Tenant team = Tenant.register(stack, "Outage");
        String key = team.createApiKey();
        Map<String, Object> beforeStop = Notifications.failing("billing", "{}:{service=\"billing\"}");
        team.sendAlerts(key, beforeStop).then().statusCode(200);

        List<Map<String, Object>> refused = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        stack.infra("postgres-stop");
        try {
            long end = System.nanoTime() + OUTAGE.toNanos();
            for (int i = 0; System.nanoTime() < end; i++) {
                Map<String, Object> notification = Notifications.failing("search" + i, "{}:{service=\"search" + i + "\"}");
                Response answer = post(stack, key, notification);
                if (answer.statusCode() == 503 && answer.contentType().startsWith("application/problem+json")) {
                    refused.add(notification);
                } else {
                    unexpected.add("webhook: " + answer.statusCode() + " " + answer.asString());
                }
                Response read = given().baseUri(stack.url("incidents")).auth().oauth2(team.token).when()
                        .get("/api/v1/incidents");
                if (read.statusCode() != 503) {
                    unexpected.add("read: " + read.statusCode() + " " + read.asString());
                }
                Thread.sleep(500);
            }
        } finally {
            stack.infra("postgres-start");
        }
        assertEquals(List.of(), unexpected, "answers during the outage other than 503");
        assertTrue(refused.size() >= 10, "webhooks refused during the outage: " + refused.size());

        long back = System.nanoTime();
        await().atMost(RECOVERY).pollInterval(Duration.ofSeconds(1)).until(stack::allReady);
        System.out.printf("Every service ready %d ms after PostgreSQL was back; %d webhooks refused 503 meanwhile%n",
                (System.nanoTime() - back) / 1_000_000, refused.size());
        assertEquals(2, team.storedFingerprints().size(), "the refused notifications left nothing behind");
        for (Map<String, Object> notification : refused) {
            await().atMost(RECOVERY).until(() -> post(stack, key, notification).statusCode() == 200);
        }
        List<String> fingerprints = team.storedFingerprints();
        assertEquals(2 + refused.size() * 2, fingerprints.size());
        assertEquals(fingerprints.size(), new HashSet<>(fingerprints).size(), "each alert stored once");
        await().atMost(RECOVERY).untilAsserted(() -> assertEquals(1 + refused.size(),
                (int) given().baseUri(stack.url("incidents")).auth().oauth2(team.token).queryParam("limit", 200).when()
                        .get("/api/v1/incidents").then().statusCode(200).extract().path("items.size()"),
                "one incident per service, the one acknowledged before the stop among them"));
    }

    private static Response post(Stack stack, String key, Map<String, Object> notification) {
        return given().baseUri(stack.url("ingest")).header("Authorization", "Bearer " + key)
                .contentType("application/json").body(notification).when().post("/api/v1/ingest/alertmanager");
    }
}
