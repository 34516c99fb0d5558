package io.srecopilot.ingest.poller;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.PrometheusResource;
import io.srecopilot.platform.testing.PrometheusServer;
import io.srecopilot.platform.testing.TestCaller;
import io.srecopilot.platform.testing.TestStream;
import io.srecopilot.platform.security.ServiceScopes;
import io.srecopilot.platform.testing.TestTokens;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The poller against a real Prometheus scraping a target whose gauges the test sets: a threshold
 * crossed opens a signal and its return resolves it; a jump away from the learned baseline is an
 * anomaly. Templates are made due by hand rather than waiting out their 15-second interval.
 */
@QuarkusTest
@QuarkusTestResource(PrometheusResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PollerTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String QUEUE = "sre_test_queue_depth{service=\"checkout\"}";
    private static final String LATENCY = "sre_test_latency_seconds{service=\"search\"}";

    private final TestCaller admin = TestCaller.newTenant(Role.ADMIN);

    @Inject
    DataSource database;

    @Test
    @Order(1)
    void aThresholdCrossedOpensASignalAndItsReturnResolvesIt() throws SQLException {
        // The anomaly test needs this series' history: start it now.
        PrometheusResource.target().set(LATENCY, 0.25);
        PrometheusResource.target().set(QUEUE, 5);
        String integration = integration();
        String template = template(integration, Map.of("name", "queue depth", "query", "sre_test_queue_depth",
                "intervalSeconds", 15, "unit", "jobs", "severity", "high",
                "detection", Map.of("threshold", Map.of("operator", ">", "value", 100, "forSeconds", 0))));
        await().atMost(WAIT).until(() -> seriesStates(template) == 1);
        signals().body("items", hasSize(0));

        PrometheusResource.target().set(QUEUE, 500);
        awaitSignal(template, "firing");
        signals().body("items[0].alertname", equalTo("queue depth")).body("items[0].service", equalTo("checkout"))
                .body("items[0].source", equalTo("prometheus")).body("items[0].severity", equalTo("high"))
                .body("items[0].labels.sre_template", equalTo(template))
                .body("items[0].annotations.summary", startsWith("queue depth on checkout: 500.0 jobs (threshold)"));
        String signal = signals().extract().path("items[0].id");
        given().auth().oauth2(admin.token()).when().get("/api/v1/signals/" + signal + "/correlation").then()
                .body("rule", equalTo("query-template")).body("keys.template", equalTo("queue depth"));
        await().atMost(WAIT).until(() -> !TestStream.published(admin.tenantId().toString(), "alertgroup.opened").isEmpty());
        EventEnvelope opened = TestStream.published(admin.tenantId().toString(), "alertgroup.opened").get(0);
        assertEquals("prometheus", opened.data().get("source").asText());

        PrometheusResource.target().set(QUEUE, 5);
        awaitSignal(template, "resolved");
        signals().body("items", hasSize(1));
        given().auth().oauth2(admin.token()).when().get("/api/v1/integrations/" + integration).then()
                .body("health.status", equalTo("ok"));
    }

    @Test
    @Order(2)
    void aJumpAwayFromTheLearnedBaselineIsAnAnomalyWithItsOnset() throws SQLException {
        PrometheusResource.target().set(LATENCY, 0.25);
        String integration = integration();
        String template = template(integration, Map.of("name", "search latency", "query", "sre_test_latency_seconds",
                "intervalSeconds", 15, "unit", "seconds",
                "detection", Map.of("anomaly", Map.of("baselineSeconds", 300, "zThreshold", 3.5,
                        "consecutivePoints", 1))));
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            makeDue(template);
            return baselineMedian(template) != null;
        });
        assertEquals(0.25, baselineMedian(template), 1e-9);
        signals().body("items", hasSize(0));

        PrometheusResource.target().set(LATENCY, 2.5);
        awaitSignal(template, "firing");
        signals().body("items[0].alertname", equalTo("search latency")).body("items[0].service", equalTo("search"))
                .body("items[0].annotations.summary", startsWith("search latency on search: 2.500 seconds (anomaly)"))
                .body("items[0].annotations.baseline", startsWith("median 0.2500, MAD 0.000"));
        Double score = Double.valueOf(signals().extract().<String>path("items[0].annotations.z_score"));
        assertTrue(score > 3.5, "z " + score);

        theContextApiShowsTheSeriesItsAnomalyAndOnset(template);
    }

    /** ai's token for this project's context, as auth issues it. */
    private String aiToken() {
        return TestTokens.serviceFor("ai", admin.tenantId(), admin.projectId(), ServiceScopes.READ_CONTEXT);
    }

    /** What the ai service reads: signals, changes, and the series scored against its baseline. */
    private void theContextApiShowsTheSeriesItsAnomalyAndOnset(String template) {
        given().auth().oauth2(admin.token()).contentType("application/json")
                .body(Map.of("service", "search", "version", "7.1.0")).when().post("/api/v1/ingest/changes").then()
                .statusCode(201);
        String from = java.time.Instant.now().minus(Duration.ofMinutes(10)).toString();
        given().auth().oauth2(aiToken()).queryParam("tenantId", admin.tenantId().toString())
                .queryParam("projectId", admin.projectId().toString()).queryParam("from", from)
                .queryParam("services", "search").when().get("/api/v1/signals/context").then().statusCode(200)
                .body("signals.alertname", equalTo(List.of("search latency")))
                .body("changes.version", equalTo(List.of("7.1.0")))
                .body("series", hasSize(1)).body("series[0].templateId", equalTo(template))
                .body("series[0].service", equalTo("search")).body("series[0].anomalous", equalTo(true))
                .body("series[0].onsetAt", org.hamcrest.Matchers.notNullValue())
                .body("series[0].baseline.median", equalTo(0.25f))
                .body("series[0].maxAbsScore", org.hamcrest.Matchers.greaterThan(3.5f))
                .body("series[0].points.size()", org.hamcrest.Matchers.greaterThan(1))
                .body("errors", hasSize(0));
        // ai asks without the alerts (it has them from incident.created): the rest stays.
        given().auth().oauth2(aiToken()).queryParam("tenantId", admin.tenantId().toString())
                .queryParam("projectId", admin.projectId().toString()).queryParam("from", from)
                .queryParam("services", "search").queryParam("signals", "false").when().get("/api/v1/signals/context")
                .then().statusCode(200).body("signals", hasSize(0)).body("changes.version", equalTo(List.of("7.1.0")))
                .body("series", hasSize(1));
        given().auth().oauth2(admin.withRole(Role.VIEWER).token()).queryParam("from", from).when()
                .get("/api/v1/signals/context").then().statusCode(200).body("series", hasSize(1));
        given().auth().oauth2(TestCaller.newTenant(Role.OWNER).token()).queryParam("tenantId",
                admin.tenantId().toString()).queryParam("projectId", admin.projectId().toString()).when()
                .get("/api/v1/signals/context").then().statusCode(200).body("series", hasSize(0))
                .body("signals", hasSize(0));
        given().auth().oauth2(aiToken()).queryParam("tenantId", admin.tenantId().toString()).when()
                .get("/api/v1/signals/context").then().statusCode(400).body("errors[0].field", equalTo("projectId"));
        given().when().get("/api/v1/signals/context").then().statusCode(401);
        // A service token without the scope, or bound to another project, reads nothing.
        for (String token : List.of(TestTokens.service("ai"),
                TestTokens.serviceFor("ai", admin.tenantId(), java.util.UUID.randomUUID(), ServiceScopes.READ_CONTEXT),
                TestTokens.serviceFor("ingest", admin.tenantId(), admin.projectId(), ServiceScopes.INTROSPECT_API_KEYS))) {
            given().auth().oauth2(token).queryParam("tenantId", admin.tenantId().toString())
                    .queryParam("projectId", admin.projectId().toString()).when().get("/api/v1/signals/context").then()
                    .statusCode(403).contentType("application/problem+json");
        }
    }

    @Test
    @Order(3)
    void aFailingPrometheusBacksOffAndShowsInTheHealth() throws SQLException {
        Map<String, Object> body = integrationBody();
        body.put("auth", Map.of("type", "basic", "username", PrometheusServer.USER, "password", "wrong"));
        String integration = given().auth().oauth2(admin.token()).contentType("application/json").body(body)
                .when().post("/api/v1/integrations").then().statusCode(201).extract().path("id");
        String template = template(integration, Map.of("name", "anything", "query", "up", "intervalSeconds", 15,
                "detection", Map.of("threshold", Map.of("operator", "<", "value", 1))));
        await().atMost(WAIT).until(() -> failures(template) >= 1);
        given().auth().oauth2(admin.token()).when().get("/api/v1/integrations/" + integration + "/query-templates")
                .then().body("items[0].lastError", startsWith("HTTP 401")).body("nextCursor", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(admin.token()).when().get("/api/v1/integrations/" + integration).then()
                .body("health.status", equalTo("failing"));
        assertTrue(secondsUntilNextRun(template) > 20, "backed off beyond the 15 s interval");
    }

    @Test
    @Order(4)
    void theLibraryOffersGoldenSignalsAndUseTemplatesReadyToAdd() {
        given().auth().oauth2(admin.withRole(Role.VIEWER).token()).when()
                .get("/api/v1/integrations/query-template-library").then().statusCode(200)
                .body("items.signal", org.hamcrest.Matchers.hasItems("latency", "traffic", "errors", "saturation",
                        "utilization"));
        String integration = integration();
        given().auth().oauth2(admin.token()).when()
                .post("/api/v1/integrations/" + integration + "/query-templates/library/golden-errors").then()
                .statusCode(201).body("libraryId", equalTo("golden-errors"))
                .body("detection.threshold.operator", equalTo(">"));
        given().auth().oauth2(admin.token()).when()
                .post("/api/v1/integrations/" + integration + "/query-templates/library/nope").then().statusCode(404);
        given().auth().oauth2(admin.withRole(Role.ENGINEER).token()).when()
                .post("/api/v1/integrations/" + integration + "/query-templates/library/golden-errors").then()
                .statusCode(403);
        given().auth().oauth2(TestCaller.newTenant(Role.OWNER).token()).when()
                .get("/api/v1/integrations/" + integration + "/query-templates").then().statusCode(404);
        Map<String, Object> nothing = Map.of("name", "n", "query", "up", "intervalSeconds", 10,
                "detection", Map.of());
        given().auth().oauth2(admin.token()).contentType("application/json").body(nothing).when()
                .post("/api/v1/integrations/" + integration + "/query-templates").then().statusCode(400)
                .body("errors.field", equalTo(List.of("intervalSeconds")));
        given().auth().oauth2(admin.token()).contentType("application/json")
                .body(Map.of("name", "n", "query", "up", "intervalSeconds", 15, "detection", Map.of())).when()
                .post("/api/v1/integrations/" + integration + "/query-templates").then().statusCode(400)
                .body("errors.field", equalTo(List.of("detection")));
    }

    private void awaitSignal(String template, String status) {
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            makeDue(template);
            List<String> statuses = signals().extract().path("items.status");
            return statuses.size() == 1 && statuses.get(0).equals(status);
        });
    }

    private String integration() {
        return given().auth().oauth2(admin.token()).contentType("application/json").body(integrationBody())
                .when().post("/api/v1/integrations").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> integrationBody() {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("type", "prometheus");
        body.put("name", "prom-" + UUID.randomUUID());
        body.put("url", PrometheusResource.server().url());
        body.put("auth", Map.of("type", "basic", "username", PrometheusServer.USER, "password",
                PrometheusServer.PASSWORD));
        return body;
    }

    private String template(String integration, Map<String, Object> body) {
        return given().auth().oauth2(admin.token()).contentType("application/json").body(body).when()
                .post("/api/v1/integrations/" + integration + "/query-templates").then().statusCode(201)
                .extract().path("id");
    }

    private ValidatableResponse signals() {
        return given().auth().oauth2(admin.token()).when().get("/api/v1/signals").then().statusCode(200);
    }

    private void makeDue(String template) throws SQLException {
        update("UPDATE ingest.query_template SET next_run_at = now() WHERE id = ?", template);
    }

    private int seriesStates(String template) throws SQLException {
        return ((Number) single("SELECT count(*) FROM ingest.series_state WHERE template_id = ?", template)).intValue();
    }

    private Double baselineMedian(String template) throws SQLException {
        return (Double) single("SELECT max(baseline_median) FROM ingest.series_state WHERE template_id = ?", template);
    }

    private int failures(String template) throws SQLException {
        return ((Number) single("SELECT failures FROM ingest.query_template WHERE id = ?", template)).intValue();
    }

    private double secondsUntilNextRun(String template) throws SQLException {
        return ((Number) single("SELECT EXTRACT(EPOCH FROM next_run_at - now()) FROM ingest.query_template WHERE id = ?",
                template)).doubleValue();
    }

    private void update(String sql, String id) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, UUID.fromString(id));
            statement.executeUpdate();
        }
    }

    private Object single(String sql, String id) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, UUID.fromString(id));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getObject(1);
            }
        }
    }
}
