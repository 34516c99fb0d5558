package io.srecopilot.incidents;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.ActorType;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.ResourceRef;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.ServiceContractTest;
import io.srecopilot.platform.testing.TestCaller;
import io.srecopilot.platform.testing.TestStream;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class IncidentsServiceTest extends ServiceContractTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    ObjectMapper mapper;

    private final TestCaller engineer = TestCaller.newTenant(Role.ENGINEER);

    IncidentsServiceTest() {
        super("/api/v1/incidents", "1");
    }

    @Test
    void refusesCallersWithoutTokenAndViewersWhoTryToChangeIncidents() {
        given().when().get("/api/v1/incidents").then().statusCode(401);
        TestCaller viewer = engineer.withRole(Role.VIEWER);
        given().auth().oauth2(viewer.token()).contentType("application/json").body(declaration("Disk full"))
                .when().post("/api/v1/incidents").then().statusCode(403);
        given().auth().oauth2(viewer.token()).contentType("application/json").body("{\"to\": \"ACKNOWLEDGED\"}")
                .when().post("/api/v1/incidents/" + UUID.randomUUID() + "/transitions").then().statusCode(403);
        given().auth().oauth2(viewer.token()).when().get("/api/v1/incidents").then().statusCode(200);
    }

    @Test
    void aDeclaredIncidentIsNumberedAndSeenOnlyInItsProject() {
        String id = declare(engineer, "Checkout latency");
        given().auth().oauth2(engineer.token()).when().get("/api/v1/incidents/" + id).then().statusCode(200)
                .body("number", equalTo(1))
                .body("state", equalTo("DETECTED"))
                .body("allowedTransitions", equalTo(List.of("ACKNOWLEDGED", "INVESTIGATING", "RESOLVED")))
                .body("source", equalTo("manual"))
                .body("severity", equalTo("high"))
                .body("detectedAt", notNullValue());
        declare(engineer, "Second one");
        given().auth().oauth2(engineer.token()).when().get("/api/v1/incidents").then().statusCode(200)
                .body("items.number", equalTo(List.of(2, 1)));

        for (TestCaller stranger : List.of(TestCaller.newTenant(Role.OWNER), engineer.inAnotherProject())) {
            given().auth().oauth2(stranger.token()).when().get("/api/v1/incidents/" + id).then().statusCode(404)
                    .body("type", equalTo("urn:sre-copilot:problem:not-found"));
            given().auth().oauth2(stranger.token()).when().get("/api/v1/incidents").then().body("items", empty());
            given().auth().oauth2(stranger.withRole(Role.OWNER).token()).contentType("application/json")
                    .body("{\"to\": \"RESOLVED\"}").when().post("/api/v1/incidents/" + id + "/transitions")
                    .then().statusCode(404);
            given().auth().oauth2(stranger.token()).when().get("/api/v1/incidents/" + id + "/timeline")
                    .then().statusCode(404);
        }
        TestCaller neighbour = engineer.inAnotherProject();
        String neighbours = declare(neighbour, "Other project");
        given().auth().oauth2(neighbour.token()).when().get("/api/v1/incidents/" + neighbours).then()
                .body("number", equalTo(1));
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
    }

    @Test
    void anIncidentMovesOnlyAlongTheStateMachineStampingWhoWhenAndWhy() {
        String id = declare(engineer, "Queue backlog");
        transition(id, "MITIGATED").statusCode(409)
                .body("detail", containsString("can move to ACKNOWLEDGED, INVESTIGATING, RESOLVED"));
        transition(id, "ACKNOWLEDGED").statusCode(200).body("acknowledgedAt", notNullValue());
        transition(id, "INVESTIGATING").statusCode(200);
        transition(id, "MITIGATED").statusCode(200).body("mitigatedAt", notNullValue());
        transition(id, "RESOLVED").statusCode(200).body("resolvedAt", notNullValue())
                .body("allowedTransitions", equalTo(List.of("INVESTIGATING")));
        transition(id, "LEARNED").statusCode(409).body("detail", containsString("postmortem"));
        transition(id, "INVESTIGATING").statusCode(200).body("state", equalTo("INVESTIGATING"))
                .body("resolvedAt", nullValue()).body("acknowledgedAt", notNullValue());
        transition(id, "SOLVED").statusCode(400).body("errors[0].field", equalTo("to"));

        given().auth().oauth2(engineer.token()).when().get("/api/v1/incidents/" + id + "/timeline").then()
                .statusCode(200)
                .body("items.kind", equalTo(List.of("created", "transition", "transition", "transition", "transition",
                        "transition")))
                .body("items[1].from", equalTo("DETECTED"))
                .body("items[1].to", equalTo("ACKNOWLEDGED"))
                .body("items[1].message", equalTo("moving to ACKNOWLEDGED"))
                .body("items[1].actor.id", equalTo(engineer.userId().toString()));
    }

    @Test
    void anAlertGroupOpensOneIncidentWithItsSignalsAndAnnouncesIt() {
        UUID groupId = UUID.randomUUID();
        EventEnvelope opened = alertGroupOpened(groupId);
        TestStream.append(opened);
        TestStream.append(opened);
        TestStream.append(new EventEnvelope(UUID.randomUUID(), opened.type(), opened.tenantId(), opened.projectId(),
                opened.occurredAt(), opened.actor(), opened.resource(), opened.data()));

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(engineer.token()).when().get("/api/v1/incidents")
                .then().body("items.size()", equalTo(1)));
        String id = given().auth().oauth2(engineer.token()).when().get("/api/v1/incidents").then()
                .body("items[0].title", equalTo("Checkout error rate above 5%"))
                .body("items[0].severity", equalTo("critical"))
                .body("items[0].service", equalTo("checkout"))
                .body("items[0].source", equalTo("alert"))
                .body("items[0].alertGroupId", equalTo(groupId.toString()))
                .body("items[0].startedAt", equalTo("2026-11-23T06:00:00Z"))
                .extract().path("items[0].id");
        given().auth().oauth2(engineer.token()).when().get("/api/v1/incidents/" + id + "/signals").then()
                .body("items.alertname", containsInAnyOrder("HighErrorRate", "HighLatency"));

        await().atMost(WAIT).until(() -> TestStream.published(engineer.tenantId().toString(), "incident.created").size() == 1);
        EventEnvelope created = TestStream.published(engineer.tenantId().toString(), "incident.created").get(0);
        assertEquals(id, created.resource().id());
        assertEquals(2, created.data().get("signals").size());
        assertEquals("DETECTED", created.data().get("incident").get("state").asText());
    }

    private EventEnvelope alertGroupOpened(UUID groupId) {
        Map<String, Object> data = Map.of(
                "groupId", groupId.toString(),
                "groupKey", "{}:{alertname=\"HighErrorRate\"}",
                "commonLabels", Map.of("service", "checkout"),
                "commonAnnotations", Map.of("summary", "Checkout error rate above 5%"),
                "signals", List.of(
                        signal("HighErrorRate", "critical", "2026-11-23T06:00:00Z"),
                        signal("HighLatency", "warning", "2026-11-23T06:02:00Z")));
        return EventEnvelope.create("alertgroup.opened", engineer.tenantId(), engineer.projectId(),
                new Actor(ActorType.APIKEY, UUID.randomUUID().toString()), new ResourceRef("alertgroup", groupId.toString()),
                mapper.valueToTree(data));
    }

    private static Map<String, Object> signal(String alertname, String severity, String startsAt) {
        return Map.of("id", UUID.randomUUID().toString(), "fingerprint", alertname.toLowerCase(), "alertname", alertname,
                "service", "checkout", "severity", severity, "status", "firing", "startsAt", startsAt,
                "labels", Map.of("alertname", alertname, "service", "checkout", "severity", severity),
                "annotations", Map.of());
    }

    private ValidatableResponse transition(String id, String to) {
        return given().auth().oauth2(engineer.token()).contentType("application/json")
                .body(Map.of("to", to, "reason", "moving to " + to))
                .when().post("/api/v1/incidents/" + id + "/transitions").then();
    }

    private static String declare(TestCaller caller, String title) {
        return given().auth().oauth2(caller.token()).contentType("application/json").body(declaration(title))
                .when().post("/api/v1/incidents").then().statusCode(201)
                .header("Location", containsString("/api/v1/incidents/"))
                .extract().path("id");
    }

    private static String declaration(String title) {
        return "{\"title\": \"" + title + "\", \"severity\": \"high\", \"service\": \"checkout\"}";
    }
}
