package io.srecopilot.ingest.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.srecopilot.ingest.alertmanager.AlertmanagerWebhook;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores an Alertmanager notification's alerts as signals of its alert group and announces what
 * changed, all in one transaction: the webhook is answered only after it committed.
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
    public Uni<IngestReceipt> ingest(Caller caller, AlertmanagerWebhook notification) {
        Instant now = Timestamps.now();
        boolean firing = notification.firing();
        List<NormalizedSignal> signals = notification.alerts().stream().map(AlertNormalizer::normalize).toList();
        return store.createOrLockGroup(caller.tenantId(), caller.projectId(), notification.groupKey(),
                notification.receiver(), firing ? "firing" : "resolved", notification.commonLabels(),
                notification.commonAnnotations(), now)
                .chain(group -> upsertAll(caller, group, signals, now).chain(changed -> {
                    GroupChange change = GroupChange.of(group, firing, changed);
                    AlertGroupEvents.GroupData data = new AlertGroupEvents.GroupData(group.id(), notification.groupKey(),
                            firing ? "firing" : "resolved", notification.receiver(), notification.commonLabels(),
                            notification.commonAnnotations(), notification.externalURL(),
                            changed.stream().map(AlertGroupEvents.SignalData::of).toList());
                    Uni<Void> status = group.created() || change == GroupChange.NONE ? Uni.createFrom().voidItem()
                            : store.setGroupStatus(group.id(), data.status(), now);
                    return status
                            .chain(() -> events.announce(change, caller.tenantId(), caller.projectId(), caller.actor(), data))
                            .replaceWith(receipt(group, signals.size(), changed, change));
                }));
    }

    private Uni<List<SignalStore.StoredSignal>> upsertAll(Caller caller, SignalStore.GroupRow group,
            List<NormalizedSignal> signals, Instant now) {
        List<SignalStore.StoredSignal> changed = new ArrayList<>();
        Uni<Void> all = Uni.createFrom().voidItem();
        for (NormalizedSignal signal : signals) {
            all = all.call(() -> store.upsert(caller.tenantId(), caller.projectId(), group.id(), signal, now)
                    .invoke(changed::addAll));
        }
        return all.replaceWith(changed);
    }

    private static IngestReceipt receipt(SignalStore.GroupRow group, int received, List<SignalStore.StoredSignal> changed,
            GroupChange change) {
        int stored = (int) changed.stream().filter(SignalStore.StoredSignal::inserted).count();
        return new IngestReceipt(group.id(), received, stored, changed.size() - stored, received - changed.size(),
                change.eventType());
    }
}
