package io.srecopilot.ingest;

import static io.srecopilot.ingest.AlertmanagerPayloads.alert;
import static io.srecopilot.ingest.AlertmanagerPayloads.notification;
import static io.srecopilot.ingest.AlertmanagerPayloads.post;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.srecopilot.platform.domain.Severity;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.catalog.AlertGroupChanged;
import io.srecopilot.platform.events.catalog.EventTypes;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.EventContracts;
import io.srecopilot.platform.testing.TestCaller;
import io.srecopilot.platform.testing.TestStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The producer's side of ingest → incidents: what ingest publishes honours {@link AlertGroupChanged}. */
@QuarkusTest
class AlertGroupEventContractTest {

    private final TestCaller engineer = TestCaller.newTenant(Role.ENGINEER);

    @Test
    void anAlertGroupOpeningChangingAndResolvingIsPublishedAsTheCatalogueSaysIncidentsReadsIt() {
        String key = engineer.token();
        String groupId = post(key, notification("contract", "firing", alert("A", "firing"), alert("B", "firing")))
                .statusCode(200).extract().path("alertGroupId");
        post(key, notification("contract", "resolved", alert("A", "resolved"))).statusCode(200);
        post(key, notification("contract", "resolved", alert("A", "resolved"), alert("B", "resolved")))
                .statusCode(200);

        String tenant = engineer.tenantId().toString();
        await().atMost(Duration.ofSeconds(20)).until(() -> TestStream.published(tenant, null).size() >= 3);
        List<EventEnvelope> published = TestStream.published(tenant, null);
        assertEquals(List.of(EventTypes.ALERT_GROUP_OPENED, EventTypes.ALERT_GROUP_UPDATED,
                EventTypes.ALERT_GROUP_RESOLVED), published.stream().map(EventEnvelope::type).toList());

        AlertGroupChanged opened = EventContracts.honoured(published.get(0), AlertGroupChanged.class);
        assertEquals(groupId, opened.groupId().toString());
        assertEquals("firing", opened.status());
        assertEquals("checkout", opened.commonLabels().get("service"));
        assertEquals(List.of("A", "B"), opened.signals().stream().map(AlertGroupChanged.Signal::alertname).sorted()
                .toList());
        // Alertmanager's "page" is read as the product's vocabulary before it is published.
        assertEquals(Severity.CRITICAL, opened.signals().get(0).severity());
        assertEquals("group-key", opened.correlation().rule());

        AlertGroupChanged updated = EventContracts.honoured(published.get(1), AlertGroupChanged.class);
        assertEquals(List.of("resolved"), updated.signals().stream().map(AlertGroupChanged.Signal::status).toList());
        AlertGroupChanged resolved = EventContracts.honoured(published.get(2), AlertGroupChanged.class);
        assertEquals("resolved", resolved.status());
    }
}
