package io.srecopilot.incidents;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.ResourceRef;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.TestCaller;
import io.srecopilot.platform.testing.TestStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** ai's analyses and policy decisions, as incidents records and applies them. */
@QuarkusTest
class DecisionsOnTheTimelineTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final TestCaller engineer = TestCaller.newTenant(Role.ENGINEER);
    private final IncidentsApi api = new IncidentsApi(engineer);

    @Test
    void anEnforcedPolicyDecisionMovesTheIncidentAsThePolicysSystemActor() {
        String id = api.declare("Checkout 500s");
        TestStream.append(decision(id, "ACKNOWLEDGED", "enforce"));
        await().atMost(IncidentsServiceTest.WAIT).untilAsserted(() -> api.get(id).body("state", equalTo("ACKNOWLEDGED")));
        api.timeline(id)
                .body("items.kind", equalTo(List.of("created", "transition", "policy")))
                .body("items[1].actor.type", equalTo("system"))
                .body("items[1].actor.id", equalTo("policy:auto-acknowledge"))
                .body("items[1].message", equalTo("Policy auto-acknowledge: confidence 0.91 with a precedent"))
                .body("items[2].data.applied", equalTo(true));

        TestStream.append(decision(id, "ACKNOWLEDGED", "enforce"));
        await().atMost(IncidentsServiceTest.WAIT).untilAsserted(() -> api.timeline(id).body("items.size()", equalTo(4)));
        api.timeline(id).body("items[3].data.applied", equalTo(false)).body("items[3].message",
                equalTo("Policy auto-acknowledge decided to acknowledge, not applied: INC-1 is already ACKNOWLEDGED"));
    }

    @Test
    void aShadowDecisionIsOnlyRecorded() {
        String id = api.declare("Checkout 500s");
        TestStream.append(decision(id, "ACKNOWLEDGED", "shadow"));
        await().atMost(IncidentsServiceTest.WAIT).untilAsserted(() -> api.timeline(id).body("items.kind", hasItem("policy")));
        api.get(id).body("state", equalTo("DETECTED"));
    }

    @Test
    void anEnforcedSeverityDecisionChangesTheSeverityOnceAndAnnouncesIt() {
        String id = api.declare("Checkout 500s");
        TestStream.append(action(id, Map.of("action", "set_severity", "severity", "critical")));
        await().atMost(IncidentsServiceTest.WAIT).untilAsserted(() -> api.get(id).body("severity", equalTo("critical")));
        api.timeline(id).body("items.find { it.kind == 'updated' }.actor.id", equalTo("policy:auto-acknowledge"))
                .body("items.find { it.kind == 'policy' }.message", equalTo("Policy auto-acknowledge applied: severity critical"));
        await().atMost(IncidentsServiceTest.WAIT).until(() -> TestStream.published(engineer.tenantId().toString(),
                "incident.updated").stream().anyMatch(event -> event.data().path("changes").has("severity")));

        TestStream.append(action(id, Map.of("action", "set_severity", "severity", "critical")));
        await().atMost(IncidentsServiceTest.WAIT).untilAsserted(() -> api.timeline(id).body("items.findAll { it.kind == "
                + "'policy' }.message", hasItem("Policy auto-acknowledge decided severity critical, not applied: INC-1 is "
                        + "critical already")));
    }

    @Test
    void aRequestForHumanReviewIsPutOnTheTimeline() {
        String id = api.declare("Checkout 500s");
        TestStream.append(action(id, Map.of("action", "request_human_review")));
        await().atMost(IncidentsServiceTest.WAIT).untilAsserted(() -> api.timeline(id).body(
                "items.find { it.kind == 'policy' }.message",
                equalTo("Policy auto-acknowledge asks for a human review: confidence 0.91 with a precedent")));
        api.get(id).body("state", equalTo("DETECTED"));
    }

    private EventEnvelope action(String incidentId, Map<String, Object> action) {
        Map<String, Object> data = new HashMap<>(Map.of("policyId", UUID.randomUUID().toString(),
                "policyName", "auto-acknowledge", "incidentId", incidentId, "mode", "enforce",
                "reason", "confidence 0.91 with a precedent", "confidence", 0.91));
        data.putAll(action);
        return EventEnvelope.create("policy.decided", engineer.tenantId(), engineer.projectId(), Actor.system("ai"),
                new ResourceRef("incident", incidentId), MAPPER.valueToTree(data));
    }

    @Test
    void aCompletedAnalysisIsOnTheTimelineWithItsLeadingHypothesis() {
        String id = api.declare("Checkout 500s");
        Map<String, Object> analysis = Map.of("id", UUID.randomUUID().toString(), "incidentId", id,
                "status", "completed", "inconclusive", false,
                "hypotheses", List.of(Map.of("id", UUID.randomUUID().toString(), "rank", 1,
                        "claim", "Deploy 1.4.2 of checkout", "suspectService", "checkout", "confidence", 0.82)));
        TestStream.append(EventEnvelope.create("analysis.completed", engineer.tenantId(), engineer.projectId(),
                Actor.system("ai"), new ResourceRef("incident", id), MAPPER.valueToTree(analysis)));
        await().atMost(IncidentsServiceTest.WAIT).untilAsserted(() -> api.timeline(id).body("items.kind", hasItem("analysis")));
        api.timeline(id).body("items[1].message", equalTo("Analysis ranks first: Deploy 1.4.2 of checkout (confidence 0.82)"))
                .body("items[1].data.top.suspectService", equalTo("checkout"))
                .body("items[1].actor.id", equalTo("ai"));
    }

    private EventEnvelope decision(String incidentId, String target, String mode) {
        Map<String, Object> data = Map.of("policyId", UUID.randomUUID().toString(), "policyName", "auto-acknowledge",
                "incidentId", incidentId, "action", "acknowledge", "targetState", target, "mode", mode,
                "reason", "confidence 0.91 with a precedent", "confidence", 0.91);
        return EventEnvelope.create("policy.decided", engineer.tenantId(), engineer.projectId(), Actor.system("ai"),
                new ResourceRef("incident", incidentId), MAPPER.valueToTree(data));
    }
}
