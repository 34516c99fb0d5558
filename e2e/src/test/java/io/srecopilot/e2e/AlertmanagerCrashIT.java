package io.srecopilot.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.srecopilot.platform.testing.AlertmanagerServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real Alertmanager delivering a steady stream of new alerts to ingest, which is killed with
 * {@code kill -9} mid-stream and started again: Alertmanager's own retries of what was not
 * answered 2xx land after the restart, and every alert fired is stored exactly once.
 */
@ExtendWith(RunningStack.class)
class AlertmanagerCrashIT {

    private static final int SECONDS_OF_ALERTS = 12;
    private static final int ALERTS_PER_SECOND = 10;
    private static final Duration SETTLE = Duration.ofSeconds(90);

    @Test
    void everyAlertFiredIsStoredOnceThoughIngestWasKilledInBetween(Stack stack) throws Exception {
        Tenant team = Tenant.register(stack, "Alertmanager crash");
        String key = team.createApiKey();
        team.sendAlerts(key, Map.of("version", "4", "groupKey", "key-known", "alerts", List.of()));
        int fired = 0;
        long failedDeliveries;
        AlertmanagerServer alertmanager = AlertmanagerServer.start(stack.url("ingest") + "/api/v1/ingest/alertmanager", key);
        try {
            for (int second = 0; second < SECONDS_OF_ALERTS; second++) {
                given().baseUri(alertmanager.url()).contentType("application/json").body(alerts(second)).when()
                        .post("/api/v2/alerts").then().statusCode(200);
                fired += ALERTS_PER_SECOND;
                if (second == 4) {
                    stack.kill("ingest");
                } else if (second == 6) {
                    stack.restart("ingest"); // returns once ingest is ready again
                }
                Thread.sleep(1_000);
            }
            int expected = fired;
            await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertEquals(expected, team.storedFingerprints().size(), "alerts stored"));
            Thread.sleep(3_000); // Alertmanager's next flushes: still nothing stored twice
            failedDeliveries = alertmanager.failedDeliveries();
        } finally {
            alertmanager.stop();
        }
        System.out.printf("[measure] Alertmanager, ingest killed: %d alerts fired, %d failed deliveries retried%n",
                fired, failedDeliveries);
        assertTrue(failedDeliveries > 0, "the kill interrupted deliveries");
        List<String> stored = team.storedFingerprints();
        assertEquals(fired, stored.size(), "every alert fired is stored");
        assertEquals(stored.size(), new HashSet<>(stored).size(), "none twice");
    }

    private static List<Map<String, Object>> alerts(int second) {
        String startsAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String endsAt = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (int i = 0; i < ALERTS_PER_SECOND; i++) {
            alerts.add(Map.of(
                    "labels", Map.of("alertname", "CrashTest", "service", "crash-" + (i % 4),
                            "instance", "10.0." + second + "." + i + ":9100"),
                    "annotations", Map.of("summary", "alert " + i + " of second " + second),
                    "startsAt", startsAt, "endsAt", endsAt));
        }
        return alerts;
    }
}
