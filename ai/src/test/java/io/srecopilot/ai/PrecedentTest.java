package io.srecopilot.ai;

import static io.srecopilot.ai.AnnouncedIncidents.analysis;
import static io.srecopilot.ai.AnnouncedIncidents.announceAndWait;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.catalog.IncidentTransitioned;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.TestCaller;
import io.srecopilot.platform.testing.TestStream;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A learned incident is a precedent of the service its postmortem found at fault, not of the one alerted on. */
@QuarkusTest
class PrecedentTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool database;

    private final TestCaller admin = TestCaller.newTenant(Role.ADMIN);

    @Test
    void thePrecedentIsFiledUnderTheConfirmedHypothesisService() {
        UUID incidentId = announceAndWait(admin, "Checkout errors");
        String hypothesisId = analysis(admin, incidentId).getString("hypotheses[0].id");
        String suspect = analysis(admin, incidentId).getString("hypotheses[0].suspectService");

        // Declared on the storefront, found in checkout by the postmortem.
        TestStream.append(learned(incidentId, "storefront",
                new IncidentTransitioned.ConfirmedHypothesis(UUID.fromString(hypothesisId), "checkout failed")));
        await().atMost(WAIT).until(() -> serviceOf(incidentId) != null);
        assertEquals(suspect, serviceOf(incidentId));

        UUID other = UUID.randomUUID();
        TestStream.append(learned(other, "storefront",
                new IncidentTransitioned.ConfirmedHypothesis(UUID.randomUUID(), "unknown")));
        await().atMost(WAIT).until(() -> serviceOf(other) != null);
        assertEquals("storefront", serviceOf(other), "a hypothesis ai does not know: the incident's own service");
    }

    private EventEnvelope learned(UUID incidentId, String service, IncidentTransitioned.ConfirmedHypothesis confirmed) {
        return IncidentAnnouncement.of(admin, "Checkout errors", service).id(incidentId).number(9)
                .learned("a bad config push", confirmed);
    }

    private String serviceOf(UUID incidentId) {
        var rows = database.preparedQuery("SELECT service FROM precedent WHERE incident_id = $1")
                .execute(Tuple.of(incidentId)).await().indefinitely();
        return rows.size() == 0 ? null : rows.iterator().next().getString("service");
    }
}
