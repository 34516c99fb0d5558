package io.srecopilot.incidents;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.ServiceContractTest;
import io.srecopilot.platform.testing.TestCaller;
import io.srecopilot.platform.testing.TestStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IncidentsServiceTest extends ServiceContractTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    private final TestCaller engineer = TestCaller.newTenant(Role.ENGINEER);
    private final IncidentsApi api = new IncidentsApi(engineer);

    IncidentsServiceTest() {
        super("/api/v1/incidents", "1", "2");
    }

    @Test
    void aDeclaredIncidentIsNumberedAndSeenOnlyInItsProject() {
        String id = api.declare(Map.of("title", "Checkout latency", "severity", "high", "service", "checkout",
                "startedAt", "2026-11-20T10:00:00Z", "labels", Map.of("env", "prod")));
        api.get(id).statusCode(200)
                .header("ETag", "\"0\"")
                .body("number", equalTo(1))
                .body("reference", equalTo("INC-1"))
                .body("state", equalTo("DETECTED"))
                .body("allowedTransitions", equalTo(List.of("ACKNOWLEDGED", "INVESTIGATING", "RESOLVED")))
                .body("source", equalTo("manual"))
                .body("severity", equalTo("high"))
                .body("labels.env", equalTo("prod"))
                .body("startedAt", equalTo("2026-11-20T10:00:00Z"))
                .body("alertGroupIds", empty())
                .body("version", equalTo(0))
                .body("detectedAt", notNullValue());
        api.declare("Second one");
        api.list("").statusCode(200).body("items.reference", equalTo(List.of("INC-2", "INC-1")));

        for (TestCaller stranger : List.of(TestCaller.newTenant(Role.OWNER), engineer.inAnotherProject())) {
            new IncidentsApi(stranger).get(id).statusCode(404).body("type", equalTo("urn:sre-copilot:problem:not-found"));
            new IncidentsApi(stranger).list("").body("items", empty());
        }
        TestCaller neighbour = engineer.inAnotherProject();
        String neighbours = new IncidentsApi(neighbour).declare("Other project");
        new IncidentsApi(neighbour).get(neighbours).body("number", equalTo(1));
    }

    @Test
    void anInvalidDeclarationNamesEveryBadField() {
        given().auth().oauth2(engineer.token()).contentType("application/json")
                .body("{\"title\": \" \", \"severity\": \"high\", \"service\": \"" + "x".repeat(101) + "\"}")
                .when().post("/api/v1/incidents").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("title", "service"));
        given().auth().oauth2(engineer.token()).contentType("application/json")
                .body("{\"title\": \"x\", \"severity\": \"apocalyptic\"}")
                .when().post("/api/v1/incidents").then().statusCode(400).body("errors[0].field", equalTo("severity"));
        given().auth().oauth2(engineer.token()).contentType("application/json")
                .body(Map.of("title", "x", "severity", "low", "labels", Map.of("9bad", "x")))
                .when().post("/api/v1/incidents").then().statusCode(400).body("errors[0].field", equalTo("labels.9bad"));
        given().auth().oauth2(engineer.token()).contentType("application/json")
                .body(Map.of("title", "x", "severity", "low", "startedAt", "2999-01-01T00:00:00Z"))
                .when().post("/api/v1/incidents").then().statusCode(400).body("errors[0].field", equalTo("startedAt"));
        api.list("").body("items", empty());
    }

    @Test
    void anIncidentIsAnnouncedWithItsVersion() {
        String id = api.declare("Announced");
        await().atMost(WAIT).until(() -> !TestStream.published(engineer.tenantId().toString(), "incident.created").isEmpty());
        EventEnvelope created = TestStream.published(engineer.tenantId().toString(), "incident.created").get(0);
        assertEquals(id, created.resource().id());
        assertEquals("INC-1", created.data().get("incident").get("reference").asText());
        assertEquals(0, created.data().get("signals").size());
    }
}
