package io.srecopilot.ai;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.ResourceRef;
import io.srecopilot.platform.events.catalog.PolicyDecided;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.EventContracts;
import io.srecopilot.platform.testing.TestCaller;
import io.srecopilot.platform.testing.TestStream;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Policies as an admin writes them and as they act: an enforced match is announced as
 * {@code policy.decided} for incidents to apply, a shadowed one only recorded, a miss nothing.
 */
@QuarkusTest
class PolicyApiTest {

    private static final String POLICIES = "/api/v1/ai/policies";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    ObjectMapper mapper;

    private final TestCaller admin = TestCaller.newTenant(Role.ADMIN);

    @Test
    void enforcedPoliciesAnnounceTheirDecisionShadowedOnesOnlyRecordIt() {
        String acknowledge = create(admin, policy("auto-ack critical", "confidence >= 0.4 AND severity >= \"high\"",
                "enforce", Map.of("type", "auto_acknowledge"))).statusCode(201)
                .body("mode", equalTo("enforce")).extract().path("id");
        create(admin, policy("page payments", "labels.team == \"payments\"", null,
                Map.of("type", "notify", "channel", "payments-oncall"))).statusCode(201).body("mode", equalTo("shadow"));
        create(admin, policy("too sure", "confidence >= 0.99", "enforce", Map.of("type", "mark_inconclusive")))
                .statusCode(201);

        UUID incidentId = UUID.randomUUID();
        TestStream.append(incidentCreated(incidentId));

        await().atMost(WAIT).until(() -> TestStream.published(admin.tenantId().toString(), "policy.decided").size() == 1);
        EventEnvelope decided = TestStream.published(admin.tenantId().toString(), "policy.decided").get(0);
        PolicyDecided decision = EventContracts.honoured(decided, PolicyDecided.class);
        assertEquals(acknowledge, decision.policyId().toString());
        assertEquals("auto_acknowledge", decision.action());
        assertEquals("ACKNOWLEDGED", decision.targetState());
        assertEquals(PolicyDecided.ENFORCE, decision.mode());
        assertEquals(incidentId, decision.incidentId());
        assertTrue(decision.reason().contains("confidence >= 0.4"));

        given().auth().oauth2(admin.withRole(Role.VIEWER).token()).queryParam("incidentId", incidentId)
                .when().get(POLICIES + "/decisions").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items.policyName", containsInAnyOrder("auto-ack critical", "page payments"))
                .body("items.find { it.policyName == 'page payments' }.mode", equalTo("shadow"))
                .body("items.find { it.policyName == 'page payments' }.facts.labels.team", equalTo("payments"));
        await().atMost(WAIT).until(() -> TestStream.published(admin.tenantId().toString(), "policy.created").size() == 3);
    }

    /**
     * A learned incident of the same kind makes {@code precedent_exists} true: the product's
     * auto-acknowledge rule acts on the next one, whose hypothesis cites the precedent.
     */
    @Test
    void aLearnedIncidentBecomesThePrecedentTheNextOneIsAcknowledgedOn() {
        create(admin, policy("ack with precedent", "confidence >= 0.55 AND precedent_exists", "enforce",
                Map.of("type", "auto_acknowledge"))).statusCode(201);
        UUID learned = UUID.randomUUID();
        TestStream.append(learnedIncident(learned));
        UUID next = UUID.randomUUID();
        TestStream.append(incidentCreated(next));

        await().atMost(WAIT).until(() -> TestStream.published(admin.tenantId().toString(), "policy.decided").size() == 1);
        assertEquals(next.toString(), TestStream.published(admin.tenantId().toString(), "policy.decided").get(0)
                .data().get("incidentId").asText());
        given().auth().oauth2(admin.token()).when().get("/api/v1/ai/incidents/" + next + "/analysis").then()
                .body("hypotheses[0].evidence.find { it.kind == 'precedent' }.id", equalTo("precedent:" + learned))
                .body("hypotheses[0].evidence.find { it.kind == 'precedent' }.summary",
                        containsString("INC-2 \"Payments errors\": pool exhausted by the v7 deploy"));
    }

    @Test
    void mistakesAreNamedAndNothingIsWritten() {
        create(admin, policy("broken", "confidence >= high", "enforce", Map.of("type", "auto_acknowledge")))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("condition"))
                .body("errors[0].message", containsString("at character 15"));
        create(admin, policy("no channel", "precedent_exists", "enforce", Map.of("type", "notify")))
                .statusCode(400).body("errors.field", contains("actions[0]"));
        create(admin, policy("odd action", "precedent_exists", "enforce", Map.of("type", "reboot_everything")))
                .statusCode(400).body("errors[0].field", containsString("type"));
        given().auth().oauth2(admin.token()).when().get(POLICIES).then().body("items", hasSize(0));

        create(admin, policy("twice", "precedent_exists", "shadow", Map.of("type", "request_human_review")))
                .statusCode(201);
        create(admin, policy("twice", "precedent_exists", "shadow", Map.of("type", "request_human_review")))
                .statusCode(409);

        given().auth().oauth2(admin.token()).contentType("application/json")
                .body(Map.of("condition", "service == \"a\" AND")).when().post(POLICIES + "/validate")
                .then().statusCode(200).body("valid", equalTo(false)).body("position", equalTo(18));
    }

    @Test
    void onlyAdminsWriteAnyoneInTheProjectReadsAndOthersSeeNothing() {
        String id = create(admin, policy("mine", "precedent_exists", "shadow", Map.of("type", "auto_acknowledge")))
                .statusCode(201).extract().path("id");
        Map<String, Object> body = policy("mine", "precedent_exists", "enforce", Map.of("type", "auto_acknowledge"));

        given().when().get(POLICIES).then().statusCode(401);
        given().auth().oauth2(admin.withRole(Role.VIEWER).token()).when().get(POLICIES + "/" + id).then()
                .statusCode(200).body("name", equalTo("mine"));
        create(admin.withRole(Role.ENGINEER), body).statusCode(403);
        given().auth().oauth2(admin.withRole(Role.ENGINEER).token()).when().delete(POLICIES + "/" + id).then()
                .statusCode(403);
        for (TestCaller stranger : List.of(TestCaller.newTenant(Role.OWNER), admin.inAnotherProject())) {
            given().auth().oauth2(stranger.token()).when().get(POLICIES + "/" + id).then().statusCode(404);
            given().auth().oauth2(stranger.token()).contentType("application/json").body(body).when()
                    .put(POLICIES + "/" + id).then().statusCode(404);
            given().auth().oauth2(stranger.token()).when().delete(POLICIES + "/" + id).then().statusCode(404);
        }

        given().auth().oauth2(admin.token()).contentType("application/json").body(body).when()
                .put(POLICIES + "/" + id).then().statusCode(200).body("mode", equalTo("enforce"));
        given().auth().oauth2(admin.token()).when().delete(POLICIES + "/" + id).then().statusCode(204);
        given().auth().oauth2(admin.token()).when().get(POLICIES + "/" + id).then().statusCode(404);
    }

    private static ValidatableResponse create(TestCaller caller, Map<String, Object> body) {
        return given().auth().oauth2(caller.token()).contentType("application/json").body(body).when().post(POLICIES)
                .then();
    }

    private static Map<String, Object> policy(String name, String condition, String mode, Map<String, String> action) {
        Map<String, Object> policy = new HashMap<>(Map.of("name", name, "condition", condition,
                "actions", List.of(action)));
        if (mode != null) {
            policy.put("mode", mode);
        }
        return policy;
    }

    private EventEnvelope learnedIncident(UUID incidentId) {
        Map<String, Object> incident = Map.of("id", incidentId.toString(), "number", 2, "reference", "INC-2",
                "title", "Payments errors", "service", "payments", "severity", "critical", "state", "LEARNED",
                "labels", Map.of("team", "payments"), "startedAt", "2026-11-20T06:00:00Z",
                "resolvedAt", "2026-11-20T06:40:00Z");
        Map<String, Object> postmortem = Map.of("summary", "Payments answered 5xx for 40 minutes",
                "rootCause", "pool exhausted by the v7 deploy",
                "confirmedHypothesis", Map.of("claim", "payments is failing requests"));
        return EventEnvelope.create("incident.transitioned", admin.tenantId(), admin.projectId(),
                Actor.system("test"), new ResourceRef("incident", incidentId.toString()),
                mapper.valueToTree(Map.of("incident", incident, "from", "RESOLVED", "to", "LEARNED",
                        "reason", "postmortem written", "postmortem", postmortem)));
    }

    private EventEnvelope incidentCreated(UUID incidentId) {
        return IncidentAnnouncement.of(admin, "Payments errors", "payments").id(incidentId).number(3)
                .alert("HighErrorRate", "critical", "2026-11-23T06:00:00Z",
                        Map.of("alertname", "HighErrorRate", "team", "payments"), Map.of("summary", "5xx above 5%"))
                .event();
    }
}
