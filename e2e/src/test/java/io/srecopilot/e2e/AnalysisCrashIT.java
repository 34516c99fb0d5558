package io.srecopilot.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ai killed with {@code kill -9} in the middle of an analysis — while it waits for the metrics
 * around the incident, which a Prometheus that never answers keeps it waiting for — and started
 * again: the analysis, left running with its worker's lease, is taken over when the lease runs out
 * and completed by a second attempt, once.
 */
@ExtendWith(RunningStack.class)
class AnalysisCrashIT {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @Test
    void anAnalysisWhoseWorkerWasKilledIsFinishedByAnotherAttempt(Stack stack) throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                // Accepts and never answers: every query waits until its caller gives up.
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();

            Tenant team = Tenant.register(stack, "Crash");
            String integration = team.create("ingest", "/api/v1/integrations", Map.of("type", "prometheus", "name",
                    "silent", "url", "http://127.0.0.1:" + silent.getLocalPort())).path("id");
            team.create("ingest", "/api/v1/integrations/" + integration + "/query-templates", Map.of("name", "latency",
                    "query", "up", "intervalSeconds", 3600, "detection", Map.of("threshold", Map.of("operator", ">",
                            "value", 1e9))));
            team.sendAlerts(team.createApiKey(), Notifications.checkoutFailing("{}:{service=\"checkout\",run=\"crash\"}"))
                    .then().statusCode(200);

            String incidentId = await().atMost(WAIT).until(() -> given().baseUri(stack.url("incidents"))
                    .auth().oauth2(team.token).when().get("/api/v1/incidents").path("items[0].id"), id -> id != null);
            String analysisId = await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                    .until(() -> team.analysisSoFar(incidentId), found -> "running".equals(found.getString("status")))
                    .getString("id");
            stack.kill("ai");
            stack.restart("ai");

            JsonPath finished = await().atMost(WAIT).pollInterval(Duration.ofSeconds(1))
                    .until(() -> team.analysisSoFar(incidentId), found -> !"running".equals(found.getString("status")));
            assertEquals(analysisId, finished.getString("id"), "the same analysis, taken over");
            assertEquals("completed", finished.getString("status"), finished.prettify());
            assertEquals(2, finished.getInt("attempts"), "the killed attempt, then the one that finished");
            assertTrue(finished.getString("steps.find { it.name == 'context' }.detail").contains("did not answer"),
                    finished.prettify());
            held.forEach(socket -> {
                try {
                    socket.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
