package io.srecopilot.ingest.service;

import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.ResourceRef;
import io.srecopilot.platform.events.catalog.AlertGroupChanged;
import io.srecopilot.platform.outbox.Outbox;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Announces alert groups opening, changing and resolving, in the ingest transaction. */
@ApplicationScoped
public class AlertGroupEvents {

    private final Outbox outbox;

    public AlertGroupEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    Uni<Void> announce(SqlConnection connection, GroupChange change, UUID tenantId, UUID projectId, Actor actor,
            AlertGroupChanged data) {
        if (change == GroupChange.NONE) {
            return Uni.createFrom().voidItem();
        }
        return outbox.append(connection, EventEnvelope.create(change.eventType(), tenantId, projectId, actor,
                new ResourceRef("alertgroup", data.groupId().toString()), null), data);
    }

    /** A signal the notification changed, as {@code alertgroup.*} carries it. */
    static AlertGroupChanged.Signal signalOf(SignalStore.StoredSignal stored) {
        NormalizedSignal signal = stored.signal();
        return new AlertGroupChanged.Signal(stored.id(), signal.fingerprint(), signal.alertname(), signal.service(),
                signal.severity(), signal.status(), signal.startsAt(), signal.endsAt(), signal.labels(),
                signal.annotations(), signal.generatorUrl());
    }
}
