package io.srecopilot.incidents;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.srecopilot.platform.domain.Severity;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.catalog.EventTypes;
import io.srecopilot.platform.events.catalog.IncidentCreated;
import io.srecopilot.platform.events.catalog.IncidentTransitioned;
import io.srecopilot.platform.events.catalog.IncidentUpdated;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.EventContracts;
import io.srecopilot.platform.testing.TestCaller;
import io.srecopilot.platform.testing.TestStream;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The producer's side of incidents → ai and the live view: what incidents publishes about an
 * incident honours the catalogue's records, for one opened by alerts and one declared by hand.
 */
@QuarkusTest
class IncidentEventContractTest {

    private final TestCaller engineer = TestCaller.newTenant(Role.ENGINEER);
    private final IncidentsApi api = new IncidentsApi(engineer);

    @Test
    void anIncidentOpenedByAlertsIsAnnouncedWithItsAlertsAsAiReadsIt() {
        AlertGroupEvents group = new AlertGroupEvents(engineer, "checkout");
        group.alert("HighErrorRate", "critical", "2026-11-23T06:00:00Z");
        group.alert("HighLatency", "warning", "2026-11-23T06:02:00Z");
        TestStream.append(group.opened());

        IncidentCreated created = EventContracts.honoured(awaitPublished(EventTypes.INCIDENT_CREATED, event -> true),
                IncidentCreated.class);

        assertEquals("checkout", created.incident().service());
        assertEquals(Severity.CRITICAL, created.incident().severity());
        assertEquals("DETECTED", created.incident().state());
        assertEquals("INC-" + created.incident().number(), created.incident().reference());
        assertEquals(List.of("HighErrorRate", "HighLatency"),
                created.signals().stream().map(IncidentCreated.Alert::alertname).sorted().toList());
    }

    @Test
    void aHandDeclaredIncidentsEditsAndMovesUpToLearnedAreAnnouncedAsAiReadsThem() {
        String id = api.declare("Checkout down");
        IncidentCreated created = EventContracts.honoured(awaitPublished(EventTypes.INCIDENT_CREATED, event -> true),
                IncidentCreated.class);
        assertEquals(List.of(), created.signals());

        api.patch(id, Map.of("severity", "critical")).statusCode(200);
        IncidentUpdated updated = EventContracts.honoured(awaitPublished(EventTypes.INCIDENT_UPDATED, event -> true),
                IncidentUpdated.class);
        assertEquals("critical", updated.changedTo("severity"));
        assertEquals(Severity.CRITICAL, updated.incident().severity());

        api.walk(id, List.of("ACKNOWLEDGED", "RESOLVED"));
        given().auth().oauth2(engineer.token()).contentType("application/json")
                .body(Map.of("summary", "Checkout returned 500s", "impact", "12% of orders failed",
                        "rootCause", "Connection pool exhausted",
                        "confirmedHypothesis", Map.of("claim", "Pool exhausted after deploy 1.4.2")))
                .when().put("/api/v1/incidents/" + id + "/postmortem").then().statusCode(200);
        api.transition(id, "LEARNED").statusCode(200);

        IncidentTransitioned acknowledged = EventContracts.honoured(awaitPublished(EventTypes.INCIDENT_TRANSITIONED,
                event -> "ACKNOWLEDGED".equals(event.data().path("to").asText())), IncidentTransitioned.class);
        assertEquals("DETECTED", acknowledged.from());
        assertNull(acknowledged.postmortem());
        IncidentTransitioned learned = EventContracts.honoured(awaitPublished(EventTypes.INCIDENT_TRANSITIONED,
                event -> "LEARNED".equals(event.data().path("to").asText())), IncidentTransitioned.class);
        assertTrue(learned.learned());
        assertEquals("Connection pool exhausted", learned.postmortem().rootCause());
        assertEquals("Pool exhausted after deploy 1.4.2", learned.postmortem().confirmedHypothesis().claim());
        assertNotNull(learned.incident().resolvedAt());
        assertNotNull(learned.incident().startedAt());

        EventContracts.allHonoured(TestStream.published(engineer.tenantId().toString(), null));
    }

    private EventEnvelope awaitPublished(String type, Predicate<EventEnvelope> which) {
        String tenant = engineer.tenantId().toString();
        await().atMost(IncidentsServiceTest.WAIT).until(() -> TestStream.published(tenant, type).stream()
                .anyMatch(which));
        return TestStream.published(tenant, type).stream().filter(which).findFirst().orElseThrow();
    }
}
