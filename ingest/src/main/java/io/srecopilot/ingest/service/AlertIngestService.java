package io.srecopilot.ingest.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Stores a batch of signals in its alert group and announces what changed, all in one
 * transaction: the sender is answered only after it committed.
 */
@ApplicationScoped
public class AlertIngestService {

    private final SignalStore store;
    private final AlertGroupEvents events;

    public AlertIngestService(SignalStore store, AlertGroupEvents events) {
        this.store = store;
        this.events = events;
    }

    @WithTransaction
    public Uni<IngestReceipt> ingest(Caller caller, SignalBatch batch) {
        Instant now = Timestamps.now();
        return store.createOrLockGroup(caller.tenantId(), caller.projectId(), batch, now)
                .chain(group -> apply(caller, batch, group, now));
    }

    /** Writes the batch into a group the transaction already holds (created or locked). */
    public Uni<IngestReceipt> apply(Caller caller, SignalBatch batch, SignalStore.GroupRow group, Instant now) {
        return store.upsert(caller.tenantId(), caller.projectId(), group.id(), batch.source(), batch.signals(), now)
                .chain(changed -> store.refreshGroup(group.id(), batch.truncatedAlerts(), now)
                        .chain(status -> announce(caller, batch, group, status, changed)));
    }

    private Uni<IngestReceipt> announce(Caller caller, SignalBatch batch, SignalStore.GroupRow group, String status,
            List<SignalStore.StoredSignal> changed) {
        GroupChange change = GroupChange.of(group, "firing".equals(status), changed);
        AlertGroupEvents.GroupData data = new AlertGroupEvents.GroupData(group.id(), batch.groupKey(), status,
                batch.source(), batch.receiver(), batch.commonLabels(), batch.commonAnnotations(), batch.externalUrl(),
                batch.truncatedAlerts(), changed.stream().map(AlertGroupEvents.SignalData::of).toList());
        return events.announce(change, caller.tenantId(), caller.projectId(), caller.actor(), data)
                .replaceWith(receipt(group, batch.signals().size(), changed, change));
    }

    private static IngestReceipt receipt(SignalStore.GroupRow group, int received, List<SignalStore.StoredSignal> changed,
            GroupChange change) {
        int stored = (int) changed.stream().filter(SignalStore.StoredSignal::inserted).count();
        return new IngestReceipt(group.id(), received, stored, changed.size() - stored, received - changed.size(),
                change.eventType());
    }
}
