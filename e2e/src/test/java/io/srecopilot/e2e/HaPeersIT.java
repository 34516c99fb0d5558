package io.srecopilot.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An Alertmanager cluster sends each notification from every peer: the same webhook arrives twice
 * at the same instant. Each alert is stored once, each group opens one incident, the resolved
 * notification moves it to RESOLVED once — and the audit trail holds one record of each.
 */
@ExtendWith(RunningStack.class)
class HaPeersIT {

    private static final int GROUPS = 8;
    private static final int PEERS = 2;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void twoPeersSendingTheSameNotificationAtOnceMakeOneSignalOneTransitionAndOneAuditRecord(Stack stack)
            throws Exception {
        Tenant team = Tenant.register(stack, "HA pair");
        String key = team.createApiKey();
        team.sendAlerts(key, Map.of("version", "4", "groupKey", "warm-up", "alerts", List.of())); // key known
        List<Map<String, Object>> firing = new ArrayList<>();
        for (int group = 0; group < GROUPS; group++) {
            firing.add(Notifications.failing("service" + group, "{}:{service=\"service" + group + "\"}"));
        }

        fromEveryPeerAtOnce(stack, key, firing);
        await().atMost(WAIT).untilAsserted(() -> assertEquals(GROUPS, incidents(stack, team).size()));
        List<String> fingerprints = team.storedFingerprints();
        assertEquals(GROUPS * 2, fingerprints.size(), "each alert stored once: " + fingerprints);
        assertEquals(GROUPS * 2, new HashSet<>(fingerprints).size());

        fromEveryPeerAtOnce(stack, key, firing.stream().map(Notifications::resolved).toList());
        await().atMost(WAIT).untilAsserted(() -> assertEquals(List.of("RESOLVED"),
                incidents(stack, team).stream().map(incident -> incident.get("state")).distinct().toList()));

        await().atMost(WAIT).untilAsserted(() -> {
            Map<String, Long> actions = AuditTrail.actionCounts(stack, team.token);
            assertEquals((long) GROUPS, actions.getOrDefault("alertgroup.opened", 0L), "groups opened: " + actions);
            assertEquals((long) GROUPS, actions.getOrDefault("alertgroup.resolved", 0L), "groups resolved: " + actions);
            assertEquals((long) GROUPS, actions.getOrDefault("incident.created", 0L), "incidents: " + actions);
            assertEquals((long) GROUPS, actions.getOrDefault("incident.transitioned", 0L), "transitions: " + actions);
        });
    }

    /** Each notification sent by every peer, the copies released together. */
    private static void fromEveryPeerAtOnce(Stack stack, String key, List<Map<String, Object>> notifications)
            throws Exception {
        ExecutorService peers = Executors.newFixedThreadPool(PEERS);
        try {
            for (Map<String, Object> notification : notifications) {
                CyclicBarrier together = new CyclicBarrier(PEERS);
                List<Future<Integer>> answers = new ArrayList<>();
                for (int peer = 0; peer < PEERS; peer++) {
                    answers.add(peers.submit(() -> {
                        together.await();
                        return given().baseUri(stack.url("ingest")).header("Authorization", "Bearer " + key)
                                .contentType("application/json").body(notification).when()
                                .post("/api/v1/ingest/alertmanager").statusCode();
                    }));
                }
                for (Future<Integer> answer : answers) {
                    assertEquals(200, answer.get());
                }
            }
        } finally {
            peers.shutdown();
        }
    }

    private static List<Map<String, Object>> incidents(Stack stack, Tenant team) {
        return given().baseUri(stack.url("incidents")).auth().oauth2(team.token).queryParam("limit", 200).when()
                .get("/api/v1/incidents").then().statusCode(200).extract().path("items");
    }
}
