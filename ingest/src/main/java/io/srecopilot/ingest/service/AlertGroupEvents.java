package io.srecopilot.ingest.service;

import io.smallrye.mutiny.Uni;
import io.srecopilot.ingest.correlation.CorrelationLink;
import io.srecopilot.platform.domain.Severity;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.ResourceRef;
import io.srecopilot.platform.outbox.Outbox;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Announces alert groups opening, changing and resolving, in the ingest transaction. */
@ApplicationScoped
public class AlertGroupEvents {

    private final Outbox outbox;

    public AlertGroupEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    Uni<Void> announce(SqlConnection connection, GroupChange change, UUID tenantId, UUID projectId, Actor actor,
            GroupData data) {
        if (change == GroupChange.NONE) {
            return Uni.createFrom().voidItem();
        }
        return outbox.append(connection, EventEnvelope.create(change.eventType(), tenantId, projectId, actor,
                new ResourceRef("alertgroup", data.groupId().toString()), null), data);
    }

    /** The data of every {@code alertgroup.*} event: the group and the signals this notification changed. */
    public record GroupData(UUID groupId, String groupKey, String status, String source, String receiver,
            Map<String, String> commonLabels, Map<String, String> commonAnnotations, String externalUrl,
            int truncatedAlerts, CorrelationLink correlation, List<SignalData> signals) {
    }

    public record SignalData(UUID id, String fingerprint, String alertname, String service, Severity severity,
            String status, Instant startsAt, Instant endsAt, Map<String, String> labels,
            Map<String, String> annotations, String generatorUrl) {

        static SignalData of(SignalStore.StoredSignal stored) {
            NormalizedSignal signal = stored.signal();
            return new SignalData(stored.id(), signal.fingerprint(), signal.alertname(), signal.service(),
                    signal.severity(), signal.status(), signal.startsAt(), signal.endsAt(), signal.labels(),
                    signal.annotations(), signal.generatorUrl());
        }
    }
}
