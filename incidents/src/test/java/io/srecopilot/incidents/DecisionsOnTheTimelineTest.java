package io.srecopilot.incidents;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.TestCaller;
import io.srecopilot.platform.testing.TestStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ai's analyses and policy decisions, as incidents records and applies them. */
@QuarkusTest
class DecisionsOnTheTimelineTest {

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

    /** A newer ai may name a state this incidents does not know: the decision is recorded, not applied, not lost. */
    @Test
    void aDecisionToMoveToAStateThatDoesNotExistIsRecordedAsNotApplied() {
        String id = api.declare("Checkout 500s");
        TestStream.append(decision(id, "SNOOZED", "enforce"));
        await().atMost(IncidentsServiceTest.WAIT).untilAsserted(() -> api.timeline(id).body("items.kind", hasItem("policy")));
        api.timeline(id).body("items[1].data.applied", equalTo(false)).body("items[1].message",
                equalTo("Policy auto-acknowledge decided to move INC-1 to SNOOZED, not applied: there is no such state"));
        api.get(id).body("state", equalTo("DETECTED"));
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
        TestStream.append(AiEvents.decided(engineer, id, "auto-acknowledge", "set_severity", null, "enforce", "critical",
                null));
        await().atMost(IncidentsServiceTest.WAIT).untilAsserted(() -> api.get(id).body("severity", equalTo("critical")));
        api.timeline(id).body("items.find { it.kind == 'updated' }.actor.id", equalTo("policy:auto-acknowledge"))
                .body("items.find { it.kind == 'policy' }.message", equalTo("Policy auto-acknowledge applied: severity critical"));
        await().atMost(IncidentsServiceTest.WAIT).until(() -> TestStream.published(engineer.tenantId().toString(),
                "incident.updated").stream().anyMatch(event -> event.data().path("changes").has("severity")));

        TestStream.append(AiEvents.decided(engineer, id, "auto-acknowledge", "set_severity", null, "enforce", "critical",
                null));
        await().atMost(IncidentsServiceTest.WAIT).untilAsserted(() -> api.timeline(id).body("items.findAll { it.kind == "
                + "'policy' }.message", hasItem("Policy auto-acknowledge decided severity critical, not applied: INC-1 is "
                        + "critical already")));
    }

    @Test
    void aRequestForHumanReviewIsPutOnTheTimeline() {
        String id = api.declare("Checkout 500s");
        TestStream.append(AiEvents.decided(engineer, id, "auto-acknowledge", "request_human_review", null, "enforce",
                null, null));
        await().atMost(IncidentsServiceTest.WAIT).untilAsserted(() -> api.timeline(id).body(
                "items.find { it.kind == 'policy' }.message",
                equalTo("Policy auto-acknowledge asks for a human review: confidence 0.91 with a precedent")));
        api.get(id).body("state", equalTo("DETECTED"));
    }



    @Test
    void aCompletedAnalysisIsOnTheTimelineWithItsLeadingHypothesis() {
        String id = api.declare("Checkout 500s");
        TestStream.append(AiEvents.completed(engineer, id, "Deploy 1.4.2 of checkout", "checkout", "0.82"));
        await().atMost(IncidentsServiceTest.WAIT).untilAsserted(() -> api.timeline(id).body("items.kind", hasItem("analysis")));
        api.timeline(id).body("items[1].message", equalTo("Analysis ranks first: Deploy 1.4.2 of checkout (confidence 0.82)"))
                .body("items[1].data.top.suspectService", equalTo("checkout"))
                .body("items[1].actor.id", equalTo("ai"));
    }

    private EventEnvelope decision(String incidentId, String target, String mode) {
        return AiEvents.decided(engineer, incidentId, "auto-acknowledge", "acknowledge", target, mode, null, null);
    }
}
