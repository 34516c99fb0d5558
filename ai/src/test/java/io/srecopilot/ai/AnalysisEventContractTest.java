package io.srecopilot.ai;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.catalog.AnalysisFinished;
import io.srecopilot.platform.events.catalog.AnalysisStarted;
import io.srecopilot.platform.events.catalog.EventTypes;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.EventContracts;
import io.srecopilot.platform.testing.TestCaller;
import io.srecopilot.platform.testing.TestStream;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The producer's side of ai → incidents and the live view: what ai publishes about an analysis honours the catalogue. */
@QuarkusTest
class AnalysisEventContractTest {

    private final TestCaller engineer = TestCaller.newTenant(Role.ENGINEER);

    @Test
    void anAnalysisOfAnIncidentWithAlertsIsAnnouncedWithItsRankedHypothesesAsIncidentsReadsThem() {
        UUID incidentId = AnnouncedIncidents.announceAndWait(engineer, "Checkout cannot reach its database");

        AnalysisStarted started = EventContracts.honoured(published(EventTypes.ANALYSIS_STARTED, incidentId),
                AnalysisStarted.class);
        assertEquals(incidentId, started.incidentId());
        AnalysisFinished completed = EventContracts.honoured(published(EventTypes.ANALYSIS_COMPLETED, incidentId),
                AnalysisFinished.class);
        assertEquals(started.analysisId(), completed.id());
        assertEquals(incidentId, completed.incidentId());
        assertFalse(completed.hypotheses().isEmpty());
        assertEquals(1, completed.top().rank());
        assertNotNull(completed.top().claim());
        assertNotNull(completed.top().confidence());
    }

    @Test
    void anAnalysisWithNoHypothesisIsAnnouncedAsTheCatalogueSaysToo() {
        UUID incidentId = IncidentAnnouncement.of(engineer, "Customers report slow checkout", null).publish();
        AnnouncedIncidents.awaitFinished(engineer, incidentId);

        AnalysisFinished finished = EventContracts.honoured(published(EventTypes.ANALYSIS_COMPLETED, incidentId),
                AnalysisFinished.class);
        assertTrue(finished.inconclusive());
        assertTrue(finished.hypotheses().isEmpty());
        assertNull(finished.top());

        EventContracts.allHonoured(TestStream.published(engineer.tenantId().toString(), null));
    }

    private EventEnvelope published(String type, UUID incidentId) {
        String tenant = engineer.tenantId().toString();
        await().atMost(Duration.ofSeconds(30)).until(() -> TestStream.published(tenant, type).stream()
                .anyMatch(event -> event.resource().id().equals(incidentId.toString())));
        return TestStream.published(tenant, type).stream()
                .filter(event -> event.resource().id().equals(incidentId.toString())).findFirst().orElseThrow();
    }
}
