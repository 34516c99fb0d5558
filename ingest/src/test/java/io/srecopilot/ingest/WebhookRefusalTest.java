package io.srecopilot.ingest;

import static io.restassured.RestAssured.given;
import static io.srecopilot.ingest.AlertmanagerPayloads.WEBHOOK;
import static io.srecopilot.ingest.AlertmanagerPayloads.alert;
import static io.srecopilot.ingest.AlertmanagerPayloads.notification;
import static io.srecopilot.ingest.AlertmanagerPayloads.post;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.srecopilot.ingest.admission.IngestAdmission;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.ProxiedPostgresResource;
import io.srecopilot.platform.testing.TestCaller;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
     * Without a declared length (HTTP/1.1 chunks, as a proxy may send) the body is found too large
     * while it is read: the sender is told so in the same problem+json; a chunked body within the
     * limit is taken, and so is an HTTP/2 body without a declared length.
     */
    @Test
    void aChunkedBodyOverTheLimitIs413AsProblemJsonAndOneWithinItIsTaken() throws Exception {
        HttpResponse<String> tooLarge = postChunked(HttpClient.Version.HTTP_1_1,
                "{\"version\":\"4\",\"groupKey\":\"" + "x".repeat(1_100_000) + "\"}");
        assertEquals(413, tooLarge.statusCode());
        assertEquals(PROBLEM, tooLarge.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(tooLarge.body().contains("urn:sre-copilot:problem:payload-too-large"), tooLarge.body());

        ObjectMapper json = new ObjectMapper();
        HttpResponse<String> taken = postChunked(HttpClient.Version.HTTP_1_1,
                json.writeValueAsString(notification("chunked", "firing", alert("Chunked", "firing"))));
        assertEquals(200, taken.statusCode(), taken.body());
        HttpResponse<String> overHttp2 = postChunked(HttpClient.Version.HTTP_2,
                json.writeValueAsString(notification("framed", "firing", alert("Framed", "firing"))));
        assertEquals(200, overHttp2.statusCode(), overHttp2.body());
        given().auth().oauth2(engineer.token()).when().get("/api/v1/signals").then()
                .body("items.alertname", containsInAnyOrder("Chunked", "Framed"));
    }

    private HttpResponse<String> postChunked(HttpClient.Version version, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        // A body publisher of unknown length makes the client send chunks, declaring no length.
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + WEBHOOK))
                .header("Authorization", engineer.bearer()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build();
        return HttpClient.newBuilder().version(version).build().send(request, HttpResponse.BodyHandlers.ofString());
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
