package io.srecopilot.platform.audit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.catalog.EventTypes;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.PrivateRedisResource;
import io.srecopilot.platform.testing.TestCaller;
import io.srecopilot.platform.testing.TestStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Mutating and refused requests leave a record for audit: who, from where, what, and how it ended. */
@QuarkusTest
@QuarkusTestResource(PrivateRedisResource.class)
class RequestAuditTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final TestCaller engineer = TestCaller.newTenant(Role.ENGINEER);

    @Test
    void aMutatingRequestIsRecordedWithItsCallerRequestIdAndClient() {
        String requestId = UUID.randomUUID().toString();
        given().auth().oauth2(engineer.token()).header("X-Request-Id", requestId).header("User-Agent", "curl/8.5")
                // The client forged the first hop; the Ingress (10.0.0.1, trusted) appended the address it saw.
                .header("X-Forwarded-For", "198.51.100.66, 203.0.113.7, 10.0.0.1").contentType("application/json")
                .body(Map.of("name", "a thing", "parts", List.of(Map.of("label", "one")))).when().post("/probe/things")
                .then().statusCode(200);

        EventEnvelope record = await().atMost(WAIT).until(() -> find(engineer.tenantId().toString(), requestId),
                Optional::isPresent).orElseThrow();
        assertEquals("POST", record.data().get("method").asText());
        assertEquals("/probe/things", record.data().get("path").asText());
        assertEquals("succeeded", record.data().get("outcome").asText());
        assertEquals("203.0.113.7", record.data().get("ip").asText());
        assertEquals("curl/8.5", record.data().get("userAgent").asText());
        assertEquals(engineer.userId().toString(), record.actor().id());
        assertEquals(engineer.projectId(), record.projectId());

        String invalid = UUID.randomUUID().toString();
        given().auth().oauth2(engineer.token()).header("X-Request-Id", invalid).contentType("application/json")
                .body(Map.of("name", "")).when().post("/probe/things").then().statusCode(400);
        assertEquals("failed", await().atMost(WAIT).until(() -> find(engineer.tenantId().toString(), invalid),
                Optional::isPresent).orElseThrow().data().get("outcome").asText());
    }

    @Test
    void refusedRequestsAreRecordedAndPlainReadsAreNot() {
        String anonymous = UUID.randomUUID().toString();
        String forbidden = UUID.randomUUID().toString();
        String read = UUID.randomUUID().toString();
        given().header("X-Request-Id", anonymous).when().get("/probe/caller").then().statusCode(401);
        given().auth().oauth2(engineer.withRole(Role.VIEWER).token()).header("X-Request-Id", forbidden)
                .contentType("application/json").body(Map.of("name", "x")).when().post("/probe/things").then()
                .statusCode(403);
        given().auth().oauth2(engineer.token()).header("X-Request-Id", read).when().get("/probe/caller").then()
                .statusCode(200);

        EventEnvelope unauthenticated = await().atMost(WAIT).until(() -> find("null", anonymous), Optional::isPresent)
                .orElseThrow();
        assertEquals("refused", unauthenticated.data().get("outcome").asText());
        assertEquals(401, unauthenticated.data().get("status").asInt());
        assertEquals("system", unauthenticated.actor().type().value());
        EventEnvelope refused = await().atMost(WAIT).until(() -> find(engineer.tenantId().toString(), forbidden),
                Optional::isPresent).orElseThrow();
        assertEquals(403, refused.data().get("status").asInt());
        assertTrue(find(engineer.tenantId().toString(), read).isEmpty(), "a plain read is not a request record");
    }

    @Test
    void aChangeIsRecordedFieldByFieldWithoutCredentials() {
        String update = UUID.randomUUID().toString();
        given().auth().oauth2(engineer.token()).header("X-Request-Id", update).contentType("application/json")
                .body(Map.of("name", "renamed", "tags", List.of("blue", "green"), "parts", List.of(Map.of("label", "one"))))
                .when().put("/probe/things/original").then().statusCode(200);
        JsonNode changes = await().atMost(WAIT).until(() -> find(engineer.tenantId().toString(), update),
                Optional::isPresent).orElseThrow().data().get("changes");
        assertEquals(2, changes.size(), changes.toString());
        assertEquals("/name", changes.get(0).get("path").asText());
        assertEquals("original", changes.get(0).get("before").asText());
        assertEquals("renamed", changes.get(0).get("after").asText());
        assertEquals("/tags", changes.get(1).get("path").asText());
        assertEquals("[\"blue\",\"green\"]", changes.get(1).get("after").toString());

        String deletion = UUID.randomUUID().toString();
        given().auth().oauth2(engineer.token()).header("X-Request-Id", deletion).when().delete("/probe/things/gone")
                .then().statusCode(204);
        JsonNode removed = await().atMost(WAIT).until(() -> find(engineer.tenantId().toString(), deletion),
                Optional::isPresent).orElseThrow().data().get("changes");
        assertEquals("gone", removed.get(0).get("before").asText());
        assertTrue(removed.get(0).get("after").isNull());

        String creation = UUID.randomUUID().toString();
        given().auth().oauth2(engineer.token()).header("X-Request-Id", creation).when().post("/probe/secrets").then()
                .statusCode(201);
        JsonNode created = await().atMost(WAIT).until(() -> find(engineer.tenantId().toString(), creation),
                Optional::isPresent).orElseThrow().data().get("changes");
        assertEquals(1, created.size(), "the key itself is never recorded: " + created);
        assertEquals("/name", created.get(0).get("path").asText());
        assertTrue(created.get(0).get("before").isNull());
    }

    @Test
    void recordsOfRequestsServedWhileRedisIsDownAreAppendedWhenItIsBack() {
        List<String> requestIds = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        PrivateRedisResource.server().stop();
        try {
            for (String requestId : requestIds) {
                given().auth().oauth2(engineer.token()).header("X-Request-Id", requestId).contentType("application/json")
                        .body(Map.of("name", "during the outage", "parts", List.of(Map.of("label", "one")))).when()
                        .post("/probe/things").then().statusCode(200);
            }
        } finally {
            PrivateRedisResource.server().restart();
        }
        for (String requestId : requestIds) {
            await().atMost(WAIT).ignoreExceptions().until(() -> find(engineer.tenantId().toString(), requestId),
                    Optional::isPresent);
        }
    }

    private static Optional<EventEnvelope> find(String tenantId, String requestId) {
        List<EventEnvelope> records = TestStream.published(tenantId, EventTypes.HTTP_REQUEST);
        return records.stream().filter(record -> requestId.equals(record.data().get("requestId").asText())).findFirst();
    }
}
