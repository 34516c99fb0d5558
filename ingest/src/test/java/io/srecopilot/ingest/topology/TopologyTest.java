package io.srecopilot.ingest.topology;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.PrometheusResource;
import io.srecopilot.platform.testing.PrometheusServer;
import io.srecopilot.platform.testing.TestCaller;
import io.srecopilot.platform.security.ServiceScopes;
import io.srecopilot.platform.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A project's service topology: edges admins declare, edges a real Prometheus shows (the
 * OpenTelemetry Collector's service-graph metric, a template that names a caller label), all in the
 * context analyses get, with the series near the incident at the template's own interval.
 */
@QuarkusTest
@QuarkusTestResource(PrometheusResource.class)
class TopologyTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final TestCaller admin = TestCaller.newTenant(Role.ADMIN);

    @Test
    void adminsDeclareEdgesEveryoneReadsThemAndNoOneElseSeesThem() {
        io.restassured.response.Response created = given().auth().oauth2(admin.token()).contentType("application/json")
                .body(Map.of("caller", " checkout ", "callee", "payments")).when().post("/api/v1/topology/edges");
        created.then().statusCode(201).body("caller", equalTo("checkout")).body("callee", equalTo("payments"))
                .body("source", equalTo("declared")).body("createdBy", notNullValue());
        String id = created.path("id");
        org.junit.jupiter.api.Assertions.assertTrue(created.header("Location").endsWith("/api/v1/topology/edges/" + id));

        given().auth().oauth2(admin.withRole(Role.VIEWER).token()).when().get("/api/v1/topology").then()
                .statusCode(200).body("items.caller", hasItem("checkout")).body("items.find { it.id == '" + id
                        + "' }.callee", equalTo("payments"));
        given().auth().oauth2(admin.withRole(Role.VIEWER).token()).when().get("/api/v1/topology/edges/" + id).then()
                .statusCode(200).body("caller", equalTo("checkout"));
        given().auth().oauth2(admin.token()).contentType("application/json")
                .body(Map.of("caller", "checkout", "callee", "payments")).when().post("/api/v1/topology/edges")
                .then().statusCode(409).body("type", equalTo("urn:sre-copilot:problem:conflict"));
        given().auth().oauth2(admin.token()).contentType("application/json")
                .body(Map.of("caller", "checkout", "callee", "checkout")).when().post("/api/v1/topology/edges")
                .then().statusCode(400).body("errors[0].field", equalTo("callee"));
        given().auth().oauth2(admin.token()).contentType("application/json").body(Map.of("caller", "checkout"))
                .when().post("/api/v1/topology/edges").then().statusCode(400).body("errors[0].field", equalTo("callee"));

        given().when().get("/api/v1/topology").then().statusCode(401);
        given().auth().oauth2(admin.withRole(Role.ENGINEER).token()).contentType("application/json")
                .body(Map.of("caller", "a", "callee", "b")).when().post("/api/v1/topology/edges").then().statusCode(403);
        given().auth().oauth2(admin.withRole(Role.ENGINEER).token()).when().delete("/api/v1/topology/edges/" + id)
                .then().statusCode(403);
        for (TestCaller stranger : List.of(TestCaller.newTenant(Role.OWNER), admin.inAnotherProject())) {
            given().auth().oauth2(stranger.token()).when().get("/api/v1/topology/edges/" + id).then().statusCode(404);
            given().auth().oauth2(stranger.withRole(Role.OWNER).token()).when().delete("/api/v1/topology/edges/" + id)
                    .then().statusCode(404);
            given().auth().oauth2(stranger.token()).when().get("/api/v1/topology").then().statusCode(200)
                    .body("items", hasSize(0));
        }

        given().auth().oauth2(admin.token()).when().delete("/api/v1/topology/edges/" + id).then().statusCode(204);
        given().auth().oauth2(admin.token()).when().get("/api/v1/topology/edges/" + id).then().statusCode(404);
    }

    @Test
    void edgesAreInferredFromServiceGraphMetricsAndFromTemplatesThatNameTheCaller() {
        PrometheusResource.target().set("traces_service_graph_request_total{client=\"web\",server=\"orders\"}", 42);
        PrometheusResource.target().set("sre_test_call_latency_seconds{caller=\"orders\",service=\"stock\"}", 0.02);
        String integration = integration();
        Map<String, Object> template = new HashMap<>(Map.of("name", "call latency", "query",
                "sre_test_call_latency_seconds", "serviceLabel", "service", "callerLabel", "caller", "kind", "latency",
                "intervalSeconds", 15, "detection", Map.of("threshold", Map.of("operator", ">", "value", 1e9))));
        given().auth().oauth2(admin.token()).contentType("application/json").body(template).when()
                .post("/api/v1/integrations/" + integration + "/query-templates").then().statusCode(201)
                .body("callerLabel", equalTo("caller")).body("kind", equalTo("latency"));

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(admin.withRole(Role.VIEWER).token()).when()
                .get("/api/v1/topology").then().statusCode(200)
                .body("items.findAll { it.source == 'inferred' }.collect { it.caller + '>' + it.callee }",
                        containsInAnyOrder("web>orders", "orders>stock"))
                .body("items.find { it.caller == 'web' }.template", equalTo("traces_service_graph_request_total"))
                .body("items.find { it.caller == 'orders' }.template", equalTo("call latency")));

        Instant around = Instant.now().minusSeconds(20);
        JsonPath context = given().auth().oauth2(TestTokens.serviceFor("ai", admin.tenantId(), admin.projectId(),
                        ServiceScopes.READ_CONTEXT))
                .queryParam("tenantId", admin.tenantId().toString()).queryParam("projectId", admin.projectId().toString())
                .queryParam("from", Instant.now().minus(Duration.ofHours(2)).toString())
                .queryParam("around", around.toString()).when().get("/api/v1/signals/context").then().statusCode(200)
                .body("series[0].caller", equalTo("orders")).body("series[0].service", equalTo("stock"))
                .body("series[0].kind", equalTo("latency"))
                // Near the incident, the template's own interval.
                .body("series[0].stepSeconds", equalTo(15))
                .body("topology.edges.collect { it.caller + '>' + it.callee }", hasItem("web>orders"))
                .body("topology.edges.collect { it.caller + '>' + it.callee }", hasItem("orders>stock"))
                .extract().jsonPath();
        List<List<Float>> points = context.getList("series[0].points");
        for (int i = 1; i < points.size(); i++) {
            float gap = points.get(i).get(0) - points.get(i - 1).get(0);
            org.junit.jupiter.api.Assertions.assertEquals(15f, gap, 0.5f, "points " + points);
        }
        given().auth().oauth2(admin.withRole(Role.VIEWER).token()).queryParam("around", "yesterday").when()
                .get("/api/v1/signals/context").then().statusCode(400).body("errors[0].field", equalTo("around"));
    }

    @Test
    void aTemplateWhoseCallerIsItsServiceIsRefused() {
        Map<String, Object> template = new HashMap<>(Map.of("name", "self", "query", "up", "serviceLabel", "job",
                "callerLabel", "job", "intervalSeconds", 15,
                "detection", Map.of("threshold", Map.of("operator", ">", "value", 1))));
        given().auth().oauth2(admin.token()).contentType("application/json").body(template).when()
                .post("/api/v1/integrations/" + integration() + "/query-templates").then().statusCode(400)
                .body("errors[0].field", equalTo("callerLabel"));
        template.put("callerLabel", "job");
        template.put("serviceLabel", "instance");
        template.put("kind", "speed");
        given().auth().oauth2(admin.token()).contentType("application/json").body(template).when()
                .post("/api/v1/integrations/" + integration() + "/query-templates").then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        template.remove("kind");
        given().auth().oauth2(admin.token()).contentType("application/json").body(template).when()
                .post("/api/v1/integrations/" + integration() + "/query-templates").then().statusCode(201)
                .body("kind", nullValue());
    }

    private String integration() {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "prometheus");
        body.put("name", "prom-" + UUID.randomUUID());
        body.put("url", PrometheusResource.server().url());
        body.put("auth", Map.of("type", "basic", "username", PrometheusServer.USER, "password",
                PrometheusServer.PASSWORD));
        return given().auth().oauth2(admin.token()).contentType("application/json").body(body).when()
                .post("/api/v1/integrations").then().statusCode(201).extract().path("id");
    }
}
