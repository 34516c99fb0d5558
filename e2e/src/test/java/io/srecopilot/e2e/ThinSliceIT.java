package io.srecopilot.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import io.restassured.response.Response;
import java.util.UUID;

/**
 * The product's core promise across all six services: an Alertmanager alert becomes an incident,
 * analysed, pushed live to the team's browsers and audited, and another tenant sees none of it.
 */
@ExtendWith(RunningStack.class)
class ThinSliceIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void anAlertBecomesALiveAnalysedAuditedIncidentThatOnlyItsTenantSees(Stack stack) throws Exception {
        Tenant acme = Tenant.register(stack, "Acme");
        Tenant globex = Tenant.register(stack, "Globex");
        String key = acme.createApiKey();
        Map<String, Object> notification = Notifications.checkoutFailing("{}:{service=\"checkout\"}");

        try (LiveClient acmeLive = LiveClient.connect(stack.websocketUrl(), acme.wsTicket());
                LiveClient globexLive = LiveClient.connect(stack.websocketUrl(), globex.wsTicket())) {
            acme.sendAlerts(key, notification).then().statusCode(200)
                    .body("stored", equalTo(2)).body("announced", equalTo("alertgroup.opened"));

            await().atMost(WAIT).untilAsserted(() -> incidents(stack, acme).then().body("items.size()", equalTo(1)));
            String incidentId = incidents(stack, acme).then()
                    .body("items[0].number", equalTo(1))
                    .body("items[0].title", equalTo("Checkout is failing"))
                    .body("items[0].service", equalTo("checkout"))
                    .body("items[0].severity", equalTo("critical"))
                    .body("items[0].state", equalTo("DETECTED"))
                    .body("items[0].detectedAt", notNullValue())
                    .extract().path("items[0].id");

            await().atMost(WAIT).untilAsserted(() -> acme.analysis(incidentId).then().statusCode(200)
                    .body("status", equalTo("completed")));
            acme.analysis(incidentId).then()
                    .body("status", equalTo("completed"))
                    .body("hypotheses[0].claim", equalTo("checkout is failing requests"))
                    .body("hypotheses[0].suspectService", equalTo("checkout"))
                    .body("hypotheses[0].rawConfidence", greaterThan(0.6f))
                    .body("hypotheses[0].confidence", greaterThan(0.0f))
                    .body("hypotheses[0].confidenceBreakdown.size()", equalTo(5))
                    .body("hypotheses[0].evidence[0].alertname", equalTo("HighErrorRate"));

            await().atMost(WAIT).until(() -> acmeLive.types().containsAll(List.of("incident.created", "analysis.completed")));
            JsonNode created = acmeLive.messages().stream().filter(m -> m.get("type").asText().equals("incident.created"))
                    .findFirst().orElseThrow();
            assertEquals(incidentId, created.get("resource").get("id").asText());
            assertEquals("Checkout is failing", created.get("data").get("incident").get("title").asText());
            assertTrue(created.has("id") && created.has("occurredAt"));

            await().atMost(WAIT).untilAsserted(() -> audit(stack, acme).then().body("items.action",
                    hasItems("project.created", "member.added", "apikey.created", "alertgroup.opened", "incident.created",
                            "analysis.started", "analysis.completed")));

            acme.sendAlerts(key, notification).then().statusCode(200).body("duplicates", equalTo(2));
            incidents(stack, acme).then().body("items.size()", equalTo(1));

            assertTrue(globexLive.messages().isEmpty(), "another tenant's browser hears nothing");
            incidents(stack, globex).then().statusCode(200).body("items", empty());
            given().baseUri(stack.url("incidents")).auth().oauth2(globex.token).when()
                    .get("/api/v1/incidents/" + incidentId).then().statusCode(404);
            globex.analysis(incidentId).then().statusCode(404);
            // Globex's trail holds its own account events and its own requests, among them the refused
            // reads of Acme's incident (404, as if it did not exist), and nothing of Acme's.
            await().atMost(WAIT).untilAsserted(() -> audit(stack, globex).then().statusCode(200)
                    .body("items.findAll { it.action == 'http.request' && it.data.status == 404 }.data.outcome",
                            hasItems("refused")));
            audit(stack, globex).then()
                    .body("items.action", everyItem(in(List.of("project.created", "member.added", "http.request"))))
                    .body("items.findAll { it.action != 'http.request' }.resource.id", not(hasItems(incidentId)));
        }
    }

    @Test
    void everyEntranceRefusesCallersWithoutCredentials(Stack stack) {
        given().baseUri(stack.url("ingest")).contentType("application/json")
                .body(Notifications.checkoutFailing("anonymous")).when().post("/api/v1/ingest/alertmanager")
                .then().statusCode(401).contentType("application/problem+json");
        Map<String, String> readPaths = Map.of("incidents", "/api/v1/incidents",
                "ai", "/api/v1/ai/incidents/" + UUID.randomUUID() + "/analysis", "audit", "/api/v1/audit");
        readPaths.forEach((service, path) -> given().baseUri(stack.url(service)).when().get(path).then().statusCode(401));
        assertThrows(Exception.class, () -> LiveClient.connect(stack.websocketUrl(), "not-a-ticket"));
    }

    private static Response incidents(Stack stack, Tenant tenant) {
        return given().baseUri(stack.url("incidents")).auth().oauth2(tenant.token).when().get("/api/v1/incidents");
    }

    private static Response audit(Stack stack, Tenant tenant) {
        return given().baseUri(stack.url("audit")).auth().oauth2(tenant.token).queryParam("limit", 50).when()
                .get("/api/v1/audit");
    }
}
