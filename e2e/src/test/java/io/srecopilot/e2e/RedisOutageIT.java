package io.srecopilot.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Redis — the event stream between the services — stops for 30 s while alerts keep arriving, then
 * comes back with what it held. Ingest answers every webhook 2xx throughout (its writes and their
 * events wait in the PostgreSQL outbox); afterwards every alert group becomes an incident
 * (incidents), gets an analysis (ai) and audit records (audit), a browser that stayed connected
 * receives every incident live (realtime), and one that left before the outage and comes back
 * naming the last event it saw gets what it missed, or is told to resync.
 */
@ExtendWith(RunningStack.class)
class RedisOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration RECOVERY = Duration.ofSeconds(120);
    private static final long SEND_EVERY_MS = 500;

    @Test
    void ingestKeepsAcceptingAndEveryEventIsDeliveredOnceRedisReturns(Stack stack) throws Exception {
        Tenant team = Tenant.register(stack, "Redis outage");
        String key = team.createApiKey();
        team.sendAlerts(key, Notifications.failing("warmup", "{}:{service=\"warmup\"}")).then().statusCode(200);
        await().atMost(RECOVERY).until(() -> incidentIds(stack, team).size() == 1);
        Set<String> beforeTheBrowser = incidentIds(stack, team);

        List<String> services = new CopyOnWriteArrayList<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicBoolean sending = new AtomicBoolean(true);
        try (LiveClient browser = LiveClient.connect(stack.websocketUrl(), team.wsTicket())) {
            Thread load = new Thread(() -> {
                for (int i = 0; sending.get(); i++) {
                    String service = "svc" + i;
                    int status = given().baseUri(stack.url("ingest")).header("Authorization", "Bearer " + key)
                            .contentType("application/json")
                            .body(Notifications.failing(service, "{}:{service=\"" + service + "\"}")).when()
                            .post("/api/v1/ingest/alertmanager").statusCode();
                    if (status == 200) {
                        services.add(service);
                    } else {
                        failures.add(service + ": " + status);
                    }
                    pause(SEND_EVERY_MS);
                }
            });
            LiveClient laptop = LiveClient.connect(stack.websocketUrl(), team.wsTicket());
            load.start();
            await().atMost(RECOVERY).until(() -> !laptop.createdIncidents().isEmpty());
            laptop.close();
            String lastSeen = laptop.messages().get(laptop.messages().size() - 1).get("id").asText();
            stack.infra("redis-stop");
            try {
                pause(OUTAGE.toMillis());
            } finally {
                stack.infra("redis-start");
            }
            pause(5_000);
            sending.set(false);
            load.join();

            assertEquals(List.of(), failures, "webhooks not answered 200 around the outage");
            assertTrue(services.size() >= OUTAGE.toMillis() / SEND_EVERY_MS, "sent: " + services.size());
            int expected = services.size() + 1;
            await().atMost(RECOVERY).pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> assertEquals(expected, incidentIds(stack, team).size(), "incidents"));
            Set<String> incidents = incidentIds(stack, team);
            await().atMost(RECOVERY).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> assertEquals(Set.of(),
                    incidents.stream().filter(id -> !"completed".equals(given().baseUri(stack.url("ai")).auth()
                            .oauth2(team.token).when().get("/api/v1/ai/incidents/" + id + "/analysis").path("status")))
                            .collect(Collectors.toSet()), "incidents without an analysis"));
            await().atMost(RECOVERY).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> assertEquals(expected,
                    AuditTrail.count(stack, team.token, "incident.created"), "audit records of the incidents"));
            await().atMost(RECOVERY).untilAsserted(() -> assertEquals(beforeTheBrowser, difference(incidents,
                    browser.createdIncidents()),
                    "incidents the connected browser was not told about (all but the one before it connected)"));

            try (LiveClient back = LiveClient.connect(stack.websocketUrl(), team.wsTicket(), lastSeen)) {
                Set<String> missed = difference(difference(incidents, beforeTheBrowser), laptop.createdIncidents());
                await().atMost(RECOVERY).until(() -> back.types().contains("resync")
                        || back.createdIncidents().containsAll(missed));
                System.out.println("A browser back after the outage: " + (back.types().contains("resync") ? "told to resync"
                        : missed.size() + " missed incidents replayed"));
            }
        }
        assertTrue(stack.allReady(), "every service ready without a restart");
    }

    private static Set<String> difference(Set<String> all, Set<String> seen) {
        return all.stream().filter(id -> !seen.contains(id)).collect(Collectors.toSet());
    }

    private static Set<String> incidentIds(Stack stack, Tenant team) {
        List<String> ids = given().baseUri(stack.url("incidents")).auth().oauth2(team.token).queryParam("limit", 200)
                .when().get("/api/v1/incidents").then().statusCode(200).extract().path("items.id");
        return Set.copyOf(ids);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
