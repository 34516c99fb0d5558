package io.srecopilot.audit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
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
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditServiceTest extends ServiceContractTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    ObjectMapper mapper;

    private final TestCaller admin = TestCaller.newTenant(Role.ADMIN);

    AuditServiceTest() {
        super("/api/v1/audit", "1", "2");
    }

    @Test
    void refusesCallersWithoutTokenOrBelowAdmin() {
        given().when().get("/api/v1/audit").then().statusCode(401);
        given().auth().oauth2(admin.withRole(Role.ENGINEER).token()).when().get("/api/v1/audit").then().statusCode(403);
    }

    @Test
    void recordsEveryEventOfTheProjectOnceNewestFirst() {
        EventEnvelope created = event("incident.created", admin, Map.of("title", "API down"));
        EventEnvelope commented = event("incident.commented", admin, Map.of("body", "looking"));
        TestStream.append(created);
        TestStream.append(commented);
        TestStream.append(commented);

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(admin.token()).when().get("/api/v1/audit")
                .then().statusCode(200).body("items.action", contains("incident.commented", "incident.created")));
        given().auth().oauth2(admin.token()).when().get("/api/v1/audit").then()
                .body("items[1].eventId", equalTo(created.id().toString()))
                .body("items[1].actor.type", equalTo("user"))
                .body("items[1].resource.type", equalTo("incident"))
                .body("items[1].outcome", equalTo("success"))
                .body("items[1].data.title", equalTo("API down"));
    }

    @Test
    void anotherTenantOrProjectSeesNoneOfIt() {
        EventEnvelope event = event("incident.created", admin, Map.of("title", "secret outage"));
        TestStream.append(event);
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(admin.token()).when().get("/api/v1/audit")
                .then().body("items", not(empty())));

        for (TestCaller stranger : List.of(TestCaller.newTenant(Role.OWNER), admin.inAnotherProject())) {
            given().auth().oauth2(stranger.token()).when().get("/api/v1/audit").then().statusCode(200)
                    .body("items", empty())
                    .body(not(containsString("secret outage")));
        }
    }

    @Test
    void keepsNoCredentialsAndMarksFailures() {
        TestStream.append(event("apikey.created", admin, Map.of("name", "alertmanager", "prefix", "ab12cd34",
                "keyHash", "3f7a…")));
        TestStream.append(event("user.login_failed", admin, Map.of("email", "a@b.c")));

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(admin.token()).queryParam("action", "apikey.created")
                .when().get("/api/v1/audit").then()
                .body("items[0].data.prefix", equalTo("ab12cd34"))
                .body("items[0].data", not(hasKey("keyHash"))));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(admin.token()).queryParam("action", "user.login_failed")
                .when().get("/api/v1/audit").then().body("items[0].outcome", equalTo("failure")));
    }

    @Test
    void pagesThroughTheLogWithCursors() {
        for (int i = 0; i < 5; i++) {
            TestStream.append(event("incident.updated", admin, Map.of("n", i)));
        }
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(admin.token()).queryParam("limit", 10)
                .when().get("/api/v1/audit").then().body("items.size()", equalTo(5)));

        Response first = given().auth().oauth2(admin.token()).queryParam("limit", 3).when().get("/api/v1/audit");
        first.then().statusCode(200).body("items.size()", equalTo(3)).body("nextCursor", notNullValue());
        given().auth().oauth2(admin.token()).queryParam("limit", 3).queryParam("cursor", first.path("nextCursor").toString())
                .when().get("/api/v1/audit").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("nextCursor", nullValue());
        given().auth().oauth2(admin.token()).queryParam("cursor", "garbage").when().get("/api/v1/audit")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().auth().oauth2(admin.token()).queryParam("limit", 201).when().get("/api/v1/audit")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    private EventEnvelope event(String type, TestCaller caller, Map<String, Object> data) {
        return EventEnvelope.create(type, caller.tenantId(), caller.projectId(),
                new Actor(ActorType.USER, caller.userId().toString()), new ResourceRef("incident", "i-1"),
                mapper.valueToTree(data));
    }
}
