package io.srecopilot.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ingest killed with {@code kill -9} in the middle of a stream of webhooks and started again:
 * every alert that was answered 200 is stored exactly once, and the senders' retries of the rest
 * (Alertmanager retries what was not answered 2xx) land after the restart.
 */
@ExtendWith(RunningStack.class)
class IngestCrashIT {

    private static final int SENDERS = 4;
    private static final int ALERTS_PER_NOTIFICATION = 5;

    @Test
    void noAcknowledgedAlertIsLostWhenIngestIsKilledMidStream(Stack stack) throws Exception {
        Tenant tenant = Tenant.register(stack, "Crash Test");
        String key = tenant.createApiKey();
        tenant.sendAlerts(key, notification("warm-up", 0)).then().statusCode(200);

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean sending = new AtomicBoolean(true);
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        List<Future<Integer>> refusals = new ArrayList<>();
        for (int sender = 0; sender < SENDERS; sender++) {
            String group = "crash-" + sender;
            refusals.add(senders.submit(() -> send(stack, key, group, sending, acknowledged)));
        }
        Thread.sleep(3_000);
        stack.kill("ingest");
        Thread.sleep(1_000);
        stack.restart("ingest");
        Thread.sleep(3_000);
        sending.set(false);
        senders.shutdown();
        assertTrue(senders.awaitTermination(2, TimeUnit.MINUTES), "senders finished their retries");
        int refused = 0;
        for (Future<Integer> count : refusals) {
            refused += count.get();
        }

        List<String> stored = tenant.storedFingerprints();
        Set<String> distinct = new HashSet<>(stored);
        System.out.printf("[measure] ingest killed mid-stream: %d alerts acknowledged, %d deliveries retried, "
                + "%d stored%n", acknowledged.size(), refused, stored.size());
        assertTrue(refused > 0, "the kill interrupted some deliveries");
        assertEquals(distinct.size(), stored.size(), "no alert stored twice");
        for (int i = 0; i < ALERTS_PER_NOTIFICATION; i++) {
            acknowledged.add("warm-up-0-" + i);
        }
        assertEquals(acknowledged, distinct, "every acknowledged alert stored, and nothing else");
    }

    /** Sends notifications until told to stop, each until answered 200 (as Alertmanager retries); counts retries. */
    private static int send(Stack stack, String key, String group, AtomicBoolean sending, Set<String> acknowledged)
            throws InterruptedException {
        int retries = 0;
        for (int n = 0; sending.get(); n++) {
            Map<String, Object> notification = notification(group, n);
            while (true) {
                int status;
                try {
                    status = given().baseUri(stack.url("ingest")).header("Authorization", "Bearer " + key)
                            .contentType("application/json").body(notification).when()
                            .post("/api/v1/ingest/alertmanager").statusCode();
                } catch (Exception connectionLost) {
                    // Refused or reset while ingest is down: not acknowledged, so sent again.
                    status = -1;
                }
                if (status == 200) {
                    for (int i = 0; i < ALERTS_PER_NOTIFICATION; i++) {
                        acknowledged.add(group + "-" + n + "-" + i);
                    }
                    break;
                }
                retries++;
                Thread.sleep(200);
            }
        }
        return retries;
    }

    private static Map<String, Object> notification(String group, int n) {
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (int i = 0; i < ALERTS_PER_NOTIFICATION; i++) {
            alerts.add(Map.of("status", "firing",
                    "labels", Map.of("alertname", "CrashTest", "service", group, "instance", n + "-" + i),
                    "annotations", Map.of("summary", "crash test"), "startsAt", "2026-11-23T06:00:00Z",
                    "endsAt", "0001-01-01T00:00:00Z", "fingerprint", group + "-" + n + "-" + i));
        }
        Map<String, Object> body = new HashMap<>();
        body.put("version", "4");
        body.put("groupKey", "{}:{service=\"" + group + "\"}");
        body.put("status", "firing");
        body.put("receiver", "sre-copilot");
        body.put("groupLabels", Map.of("service", group));
        body.put("commonLabels", Map.of("alertname", "CrashTest"));
        body.put("commonAnnotations", Map.of());
        body.put("externalURL", "http://alertmanager:9093");
        body.put("alerts", alerts);
        return body;
    }
}
