package io.srecopilot.ingest;

import static io.restassured.RestAssured.given;
import static io.srecopilot.ingest.AlertmanagerPayloads.WEBHOOK;
import static io.srecopilot.ingest.AlertmanagerPayloads.alert;
import static io.srecopilot.ingest.AlertmanagerPayloads.notification;
import static io.srecopilot.ingest.AlertmanagerPayloads.post;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.srecopilot.ingest.admission.IngestAdmission;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.ProxiedPostgresResource;
import io.srecopilot.platform.testing.TestCaller;
import jakarta.inject.Inject;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * What a sender is told when ingest cannot or will not take a notification: transient conditions
 * are 503 (Alertmanager retries those, and drops on 4xx), bad requests are 4xx, all problem+json,
 * and nothing is half-written.
 */
@QuarkusTest
@QuarkusTestResource(ProxiedPostgresResource.class)
class WebhookRefusalTest {

    private static final String PROBLEM = "application/problem+json";

    private final TestCaller engineer = TestCaller.newTenant(Role.ENGINEER);

    @Inject
    IngestAdmission admission;

    @Test
    void aBodyOverTheLimitIs413AndAnotherContentTypeIs415() {
        String huge = "{\"version\":\"4\",\"groupKey\":\"" + "x".repeat(1_100_000) + "\"}";
        given().header("Authorization", engineer.bearer()).contentType("application/json").body(huge)
                .when().post(WEBHOOK).then().statusCode(413).contentType(PROBLEM)
                .body("type", equalTo("urn:sre-copilot:problem:payload-too-large"));
        given().header("Authorization", engineer.bearer()).contentType("text/plain").body("alerts")
                .when().post(WEBHOOK).then().statusCode(415).contentType(PROBLEM);
        given().auth().oauth2(engineer.token()).when().get("/api/v1/signals").then().body("items", empty());
    }

    /**
     * Without a declared length the HTTP layer finds the body too large while reading it and
     * answers 413 itself, without a problem+json body (Alertmanager always declares the length).
     */
    @Test
    void aChunkedBodyOverTheLimitIs413Too() throws Exception {
        byte[] huge = ("{\"version\":\"4\",\"groupKey\":\"" + "x".repeat(1_100_000) + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + WEBHOOK))
                .header("Authorization", engineer.bearer()).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge)))
                .build();
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());
        org.junit.jupiter.api.Assertions.assertEquals(413, response.statusCode());
    }

    @Test
    void pastTheInFlightBoundSendersAreToldToRetry() {
        int taken = 0;
        while (admission.tryAdmit()) {
            taken++;
        }
        try {
            post(engineer.token(), notification("busy", "firing", alert("Busy", "firing"))).statusCode(503)
                    .contentType(PROBLEM).header("Retry-After", "1");
        } finally {
            for (int i = 0; i < taken; i++) {
                admission.release();
            }
        }
        post(engineer.token(), notification("busy", "firing", alert("Busy", "firing"))).statusCode(200);
    }

    @Test
    void whilePostgresIsDownSendersAreToldToRetryAndIngestRecoversByItself() {
        ProxiedPostgresResource.proxy().cut();
        try {
            post(engineer.token(), notification("outage", "firing", alert("Outage", "firing"))).statusCode(503)
                    .contentType(PROBLEM).header("Retry-After", "5");
        } finally {
            ProxiedPostgresResource.proxy().restore();
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                post(engineer.token(), notification("outage", "firing", alert("Outage", "firing"))).extract()
                        .statusCode() == 200);
        given().auth().oauth2(engineer.token()).when().get("/api/v1/signals").then().body("items.size()", equalTo(1))
                .body("items[0].alertname", equalTo("Outage"));
    }
}
