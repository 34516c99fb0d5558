package io.srecopilot.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import io.srecopilot.platform.testing.PrometheusServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A metric fault through the real ranker, as a team meets it: a Prometheus with an hour of
 * history of six services (payments' CPU saturates a minute before the alert, its callers'
 * latency follows), an integration and two templates made through the API, the call graph declared,
 * one alert on frontend. The analysis ranks payments first although no alert names it, and makes a
 * hypothesis of it from its metrics alone; checkout's latency is explained by payments. Having run
 * before the minutes after the alert were in, it runs once more when they are.
 */
@ExtendWith(RunningStack.class)
class MetricFaultIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<String> SERVICES = List.of("frontend", "checkout", "payments", "cart", "search", "ads");

    @Test
    void aServiceNoAlertNamesIsFoundByItsMetricsAndAnalysedAgainWhenTheDataIsIn(Stack stack) {
        // The alert fired 4 min 50 s ago: the first analysis sees less than the 5 minutes after it.
        Instant alertAt = Instant.now().minusSeconds(290).truncatedTo(ChronoUnit.SECONDS);
        PrometheusServer prometheus = PrometheusServer.startWithHistory(history(alertAt));
        try {
            Tenant team = Tenant.register(stack, "Metrics");
            String integration = team.create("ingest", "/api/v1/integrations",
                    Map.of("type", "prometheus", "name", "shop", "url", prometheus.url())).path("id");
            template(team, integration, "p99 latency", "sre_e2e_latency_seconds", "latency");
            template(team, integration, "cpu saturation", "sre_e2e_cpu_ratio", "saturation");
            for (List<String> edge : List.of(List.of("frontend", "checkout"), List.of("frontend", "cart"),
                    List.of("frontend", "search"), List.of("frontend", "ads"), List.of("checkout", "payments"),
                    List.of("checkout", "cart"))) {
                team.create("ingest", "/api/v1/topology/edges", Map.of("caller", edge.get(0), "callee", edge.get(1)));
            }
            team.sendAlerts(team.createApiKey(), frontendSlow(alertAt)).then().statusCode(200);

            String incidentId = await().atMost(WAIT).until(() -> given().baseUri(stack.url("incidents"))
                    .auth().oauth2(team.token).when().get("/api/v1/incidents").path("items[0].id"), id -> id != null);
            JsonPath first = await().atMost(WAIT).until(() -> team.analysisSoFar(incidentId),
                    found -> "completed".equals(found.getString("status")));

            assertEquals("payments", first.getString("rankedServices[0].service"), first.prettify());
            team.analysis(incidentId).then().statusCode(200)
                    .body("origin", equalTo("incident.created"))
                    .body("rerunAt", notNullValue())
                    .body("rankedServices[0].reason", containsString("cpu saturation rose"))
                    .body("rankedServices.find { it.service == 'checkout' }.reason", containsString("explained by payments"))
                    .body("steps.find { it.name == 'context' }.detail", containsString("6 call edge(s)"))
                    // No alert names payments: its metrics alone make it a hypothesis, citing them.
                    .body("hypotheses.find { it.suspectService == 'payments' }.category", equalTo("saturation"))
                    .body("hypotheses.find { it.suspectService == 'payments' }.evidence.kind", hasItem("metric"))
                    .body("hypotheses.find { it.suspectService == 'payments' }.evidence.findAll { it.kind == 'signal' }",
                            empty());
            given().baseUri(stack.url("ai")).auth().oauth2(team.token).when()
                    .get("/api/v1/ai/analyses/" + first.getString("id") + "/snapshot").then().statusCode(200)
                    .body("snapshot.topology.size()", equalTo(6))
                    .body("snapshot.series.find { it.service == 'payments' && it.metric == 'cpu saturation' }.kind",
                            equalTo("saturation"));

            JsonPath again = await().atMost(WAIT).until(() -> team.analysisSoFar(incidentId),
                    found -> "data-arrived".equals(found.getString("origin")) && "completed".equals(found.getString("status")));
            assertEquals("payments", again.getString("rankedServices[0].service"));
            org.junit.jupiter.api.Assertions.assertNull(again.get("rerunAt"), "it runs once more, once");
        } finally {
            prometheus.stop();
        }
    }

    /** An hour at one point a minute until 30 s ago: payments' CPU triples a minute before the alert, latency follows. */
    private static String history(Instant alertAt) {
        Random random = new Random(20261201);
        StringBuilder text = new StringBuilder("# TYPE sre_e2e_latency_seconds gauge\n");
        long end = Instant.now().minusSeconds(30).getEpochSecond();
        long start = alertAt.minus(Duration.ofMinutes(60)).getEpochSecond();
        StringBuilder cpu = new StringBuilder("# TYPE sre_e2e_cpu_ratio gauge\n");
        for (int i = 0; i < SERVICES.size(); i++) {
            String service = SERVICES.get(i);
            for (long t = start; t <= end; t += 60) {
                boolean after = t >= alertAt.getEpochSecond();
                double slower = after && service.equals("checkout") ? 4 : after && service.equals("frontend") ? 3 : 1;
                double busier = t >= alertAt.getEpochSecond() - 60 && service.equals("payments") ? 3 : 1;
                text.append("sre_e2e_latency_seconds{service=\"").append(service).append("\"} ")
                        .append(0.05 * (1 + 0.1 * i) * slower * Math.exp(0.03 * random.nextGaussian())).append(' ')
                        .append(t).append('\n');
                cpu.append("sre_e2e_cpu_ratio{service=\"").append(service).append("\"} ")
                        .append(0.2 * (1 + 0.05 * i) * busier * Math.exp(0.03 * random.nextGaussian())).append(' ')
                        .append(t).append('\n');
            }
        }
        return text.append(cpu).append("# EOF\n").toString();
    }

    private static Map<String, Object> frontendSlow(Instant at) {
        Map<String, Object> alert = new HashMap<>();
        alert.put("status", "firing");
        alert.put("labels", Map.of("alertname", "HighRequestLatency", "service", "frontend", "severity", "critical"));
        alert.put("annotations", Map.of("summary", "Frontend p99 above 2s"));
        alert.put("startsAt", at.toString());
        alert.put("endsAt", "0001-01-01T00:00:00Z");
        alert.put("fingerprint", "frontend-slow-" + at.getEpochSecond());
        return Map.of("version", "4", "groupKey", "{}:{service=\"frontend\"}", "status", "firing", "receiver",
                "sre-copilot", "groupLabels", Map.of("service", "frontend"), "commonLabels", Map.of("service", "frontend"),
                "commonAnnotations", Map.of("summary", "Frontend is slow"), "externalURL", "http://alertmanager:9093",
                "alerts", List.of(alert));
    }

    private static void template(Tenant team, String integration, String name, String query, String kind) {
        team.create("ingest", "/api/v1/integrations/" + integration + "/query-templates", Map.of("name", name,
                "query", query, "kind", kind, "intervalSeconds", 60,
                "detection", Map.of("threshold", Map.of("operator", ">", "value", 1e9))));
    }
}
