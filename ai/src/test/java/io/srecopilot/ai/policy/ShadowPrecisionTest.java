package io.srecopilot.ai.policy;

import static io.restassured.RestAssured.given;
import static io.srecopilot.ai.AnnouncedIncidents.announceAndWait;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.srecopilot.ai.IncidentAnnouncement;
import io.srecopilot.platform.domain.Severity;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.ActorType;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.TestCaller;
import io.srecopilot.platform.testing.TestStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A shadowed policy is judged by what people then did, and its precision shown beside it. */
@QuarkusTest
class ShadowPrecisionTest {

    private static final String POLICIES = "/api/v1/ai/policies";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final TestCaller admin = TestCaller.newTenant(Role.ADMIN);
    private final Actor person = new Actor(ActorType.USER, UUID.randomUUID().toString());

    @Test
    void whatPeopleDidAfterwardsMakesTheShadowPrecision() {
        String acknowledge = create("would acknowledge", Map.of("type", "auto_acknowledge"));
        String escalate = create("would escalate", Map.of("type", "set_severity", "severity", "critical"));
        policy(acknowledge).body("shadow.decisions", equalTo(0)).body("shadow.precision", nullValue());

        UUID handled = announceAndWait(admin, "Checkout errors");
        UUID noise = announceAndWait(admin, "Checkout blip");
        await().atMost(WAIT).untilAsserted(() -> policy(acknowledge).body("shadow.decisions", equalTo(2)));

        // A policy's own move or the system's does not count: only people's.
        TestStream.append(transition(noise, Actor.system("policy:other"), "DETECTED", "ACKNOWLEDGED"));
        TestStream.append(transition(handled, person, "DETECTED", "ACKNOWLEDGED"));
        TestStream.append(transition(noise, person, "DETECTED", "RESOLVED"));
        TestStream.append(severitySet(handled, "high"));

        await().atMost(WAIT).untilAsserted(() -> policy(acknowledge).body("shadow.judged", equalTo(2)));
        policy(acknowledge).body("shadow.agreed", equalTo(1)).body("shadow.precision", equalTo(0.5f));
        await().atMost(WAIT).untilAsserted(() -> policy(escalate).body("shadow.judged", equalTo(1)));
        policy(escalate).body("shadow.agreed", equalTo(0)).body("shadow.precision", equalTo(0.0f));
        given().auth().oauth2(admin.token()).queryParam("incidentId", handled).when().get(POLICIES + "/decisions")
                .then().statusCode(200)
                .body("items.find { it.policyName == 'would acknowledge' }.agreed", equalTo(true))
                .body("items.find { it.policyName == 'would escalate' }.peopleDid",
                        equalTo("set severity high (" + person.id() + ")"));
    }

    private String create(String name, Map<String, String> action) {
        return given().auth().oauth2(admin.token()).contentType("application/json")
                .body(Map.of("name", name, "condition", "confidence >= 0", "mode", "shadow", "actions", List.of(action)))
                .when().post(POLICIES).then().statusCode(201).extract().path("id");
    }

    private io.restassured.response.ValidatableResponse policy(String id) {
        return given().auth().oauth2(admin.token()).when().get(POLICIES + "/" + id).then().statusCode(200);
    }

    private EventEnvelope transition(UUID incidentId, Actor actor, String from, String to) {
        return IncidentAnnouncement.of(admin, "Checkout errors", "checkout").id(incidentId).moved(actor, from, to, null);
    }

    private EventEnvelope severitySet(UUID incidentId, String severity) {
        return IncidentAnnouncement.of(admin, "Checkout errors", "checkout").id(incidentId)
                .severitySet(person, Severity.CRITICAL, Severity.of(severity));
    }
}
