package io.srecopilot.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two replicas each of incidents and ai share the event stream's partitions: alert groups of teams
 * spread over every partition each become one incident, analysed once; each group fires and then
 * resolves, and every incident shows its alerts resolved, so no replica handled a group's events out
 * of order; both replicas of each service did part of the work. The second replicas are stopped
 * afterwards and hand their partitions back.
 */
@ExtendWith(RunningStack.class)
class ReplicasIT {

    private static final int PARTITIONS = Stack.PARTITIONS;
    private static final int GROUPS_PER_TEAM = 5;
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final List<String> SCALED = List.of("incidents", "ai");

    @Test
    void replicasShareTheWorkWithOneIncidentPerGroupAndEveryGroupInOrder(Stack stack) throws Exception {
        List<Tenant> teams = teamsOverEveryPartition(stack);
        stack.addReplicas(SCALED.toArray(String[]::new));
        try {
            for (String service : SCALED) {
                // Settled: the first gave back what the second took, neither holds nothing.
                await().atMost(WAIT).until(() -> {
                    int first = partitionsHeld(stack, service);
                    int second = partitionsHeld(stack, service + "-2");
                    return first > 0 && second > 0 && first + second == PARTITIONS;
                });
            }
            Map<String, Long> handledBefore = handledByEachInstance(stack);

            fireAndResolveInParallel(stack, teams);

            for (Tenant team : teams) {
                await().atMost(WAIT).until(() -> incidents(stack, team).size() == GROUPS_PER_TEAM
                        && incidents(stack, team).stream().allMatch(incident -> analysed(team, incident)));
                List<Map<String, Object>> incidents = incidents(stack, team);
                Set<String> services = new HashSet<>();
                incidents.forEach(incident -> services.add((String) incident.get("service")));
                assertEquals(GROUPS_PER_TEAM, services.size(), "one incident per group: " + services);
                for (Map<String, Object> incident : incidents) {
                    await().atMost(WAIT).until(() -> signalStatuses(stack, team, incident).equals(Set.of("resolved")));
                }
            }
            Map<String, Long> handledAfter = handledByEachInstance(stack);
            System.out.printf("[measure] events handled per instance during the storm: %s%n",
                    difference(handledAfter, handledBefore));
            for (String instance : handledAfter.keySet()) {
                assertTrue(handledAfter.get(instance) > handledBefore.get(instance), instance + " did part of the work");
            }
        } finally {
            SCALED.forEach(service -> stack.stopReplica(service + "-2"));
        }
        for (String service : SCALED) {
            await().atMost(Duration.ofSeconds(30)).until(() -> partitionsHeld(stack, service) == PARTITIONS);
        }
    }

    /** Teams (each with its project) until every partition carries at least one project. */
    private static List<Tenant> teamsOverEveryPartition(Stack stack) {
        List<Tenant> teams = new ArrayList<>();
        Set<Integer> covered = new HashSet<>();
        while (covered.size() < PARTITIONS || teams.size() < PARTITIONS + 1) {
            Tenant team = Tenant.register(stack, "Replica Team " + teams.size());
            teams.add(team);
            // The documented partitioning: the project id's hash over the partitions.
            covered.add(Math.floorMod(UUID.fromString(team.projectId).hashCode(), PARTITIONS));
            assertTrue(teams.size() < 40, "projects fall into every partition");
        }
        return teams;
    }

    private static void fireAndResolveInParallel(Stack stack, List<Tenant> teams) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(teams.size());
        List<Future<?>> sent = new ArrayList<>();
        for (Tenant team : teams) {
            String key = team.createApiKey();
            sent.add(senders.submit(() -> {
                for (int group = 0; group < GROUPS_PER_TEAM; group++) {
                    String service = "svc-" + group;
                    team.sendAlerts(key, notification(service, "firing")).then().statusCode(200);
                    team.sendAlerts(key, notification(service, "resolved")).then().statusCode(200);
                }
            }));
        }
        for (Future<?> each : sent) {
            each.get();
        }
        senders.shutdown();
    }

    private static List<Map<String, Object>> incidents(Stack stack, Tenant team) {
        return given().baseUri(stack.url("incidents")).auth().oauth2(team.token).queryParam("limit", 100)
                .when().get("/api/v1/incidents").then().statusCode(200).extract().path("items");
    }

    private static boolean analysed(Tenant team, Map<String, Object> incident) {
        return "completed".equals(team.analysisSoFar((String) incident.get("id")).getString("status"));
    }

    private static Set<String> signalStatuses(Stack stack, Tenant team, Map<String, Object> incident) {
        JsonPath signals = given().baseUri(stack.url("incidents")).auth().oauth2(team.token).when()
                .get("/api/v1/incidents/" + incident.get("id") + "/signals").then().statusCode(200).extract().jsonPath();
        return new HashSet<>(signals.getList("items.status", String.class));
    }

    private static int partitionsHeld(Stack stack, String instance) {
        String group = instance.replace("-2", "");
        Matcher held = Pattern.compile("(?m)^sre_events_partitions_held\\{group=\"" + group + "\"} ([0-9.]+)$")
                .matcher(metrics(stack, instance));
        return held.find() ? (int) Double.parseDouble(held.group(1)) : -1;
    }

    /** Events each instance's consumer handled so far (sre_events_consumed_total, outcome handled). */
    private static Map<String, Long> handledByEachInstance(Stack stack) {
        Map<String, Long> handled = new HashMap<>();
        for (String service : SCALED) {
            for (String instance : List.of(service, service + "-2")) {
                Matcher counts = Pattern.compile("(?m)^sre_events_consumed_total\\{[^}]*outcome=\"handled\"[^}]*} ([0-9.E]+)$")
                        .matcher(metrics(stack, instance));
                double sum = 0;
                while (counts.find()) {
                    sum += Double.parseDouble(counts.group(1));
                }
                handled.put(instance, (long) sum);
            }
        }
        return handled;
    }

    private static Map<String, Long> difference(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> difference = new HashMap<>();
        after.forEach((instance, count) -> difference.put(instance, count - before.get(instance)));
        return difference;
    }

    private static String metrics(Stack stack, String instance) {
        return given().baseUri(stack.url(instance)).when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static Map<String, Object> notification(String service, String status) {
        Map<String, Object> alert = Map.of("status", status,
                "labels", Map.of("alertname", "ReplicaTest", "service", service, "severity", "critical"),
                "annotations", Map.of("summary", service + " is failing"), "startsAt", "2026-12-02T06:00:00Z",
                "endsAt", "resolved".equals(status) ? "2026-12-02T06:05:00Z" : "0001-01-01T00:00:00Z",
                "fingerprint", service + "-replica-test");
        Map<String, Object> body = new HashMap<>();
        body.put("version", "4");
        body.put("groupKey", "{}:{service=\"" + service + "\"}");
        body.put("status", status);
        body.put("receiver", "sre-copilot");
        body.put("groupLabels", Map.of("service", service));
        body.put("commonLabels", Map.of("alertname", "ReplicaTest", "service", service));
        body.put("commonAnnotations", Map.of());
        body.put("externalURL", "http://alertmanager:9093");
        body.put("alerts", List.of(alert));
        return body;
    }
}
