package io.srecopilot.ingest.service;

import io.smallrye.mutiny.Uni;
import io.srecopilot.ingest.correlation.CorrelationRules;
import io.srecopilot.ingest.correlation.GroupTarget;
import io.srecopilot.ingest.correlation.SignalGrouping;
import io.srecopilot.platform.events.catalog.AlertGroupChanged;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.security.Caller;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Stores a batch of signals in the groups the project's correlation rules choose and announces
 * what changed, all in one transaction: the sender is answered only after it committed.
 */
@ApplicationScoped
public class AlertIngestService {

    private final SignalStore store;
    private final AlertGroupStore groups;
    private final AlertGroupEvents events;
    private final CorrelationRules rules;
    private final Pool pool;

    public AlertIngestService(SignalStore store, AlertGroupStore groups, AlertGroupEvents events, CorrelationRules rules,
            Pool pool) {
        this.store = store;
        this.groups = groups;
        this.events = events;
        this.rules = rules;
        this.pool = pool;
    }

    public Uni<IngestReceipt> ingest(Caller caller, SignalBatch batch) {
        Instant now = Timestamps.now();
        return rules.active(caller.projectId()).chain(active -> pool.withTransaction(connection -> {
            Map<GroupTarget, List<NormalizedSignal>> parts = SignalGrouping.partition(active, batch.target(),
                    batch.signals());
            List<IngestReceipt.GroupReceipt> receipts = new ArrayList<>();
            Uni<Void> all = Uni.createFrom().voidItem();
            for (Map.Entry<GroupTarget, List<NormalizedSignal>> part : parts.entrySet()) {
                SignalBatch share = batch.regrouped(part.getKey(), part.getValue());
                all = all.call(() -> groups.createOrLockGroup(connection, caller.tenantId(), caller.projectId(), share,
                        now).chain(group -> apply(connection, caller, share, group, now)).invoke(receipts::add));
            }
            return all.map(ignored -> IngestReceipt.of(receipts));
        }));
    }

    /** Writes the batch into a group the transaction already holds (created or locked). */
    public Uni<IngestReceipt.GroupReceipt> apply(SqlConnection connection, Caller caller, SignalBatch batch,
            AlertGroupStore.GroupRow group, Instant now) {
        return store.upsertAndRefresh(connection, caller.tenantId(), caller.projectId(), group.id(), batch, now)
                .chain(written -> {
                    List<SignalStore.StoredSignal> changed = written.signals();
                    Map<Boolean, List<SignalStore.StoredSignal>> inGroup = changed.stream()
                            .collect(Collectors.partitioningBy(signal -> signal.groupId().equals(group.id())));
                    int stored = (int) changed.stream().filter(SignalStore.StoredSignal::inserted).count();
                    return resolveInEarlierGroups(connection, caller, batch, inGroup.get(false), now)
                            .chain(() -> announce(connection, caller, batch, group, written.groupStatus(),
                                    inGroup.get(true)))
                            .map(announced -> new IngestReceipt.GroupReceipt(group.id(),
                                    batch.target().link().rule(), batch.signals().size(), stored,
                                    changed.size() - stored, announced));
                });
    }

    /**
     * Signals stored before a rule change moved their kind to another group stay where they are;
     * when they resolve, their own group is refreshed and announces it.
     */
    private Uni<Void> resolveInEarlierGroups(SqlConnection connection, Caller caller, SignalBatch batch,
            List<SignalStore.StoredSignal> moved, Instant now) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Map.Entry<UUID, List<SignalStore.StoredSignal>> earlier : moved.stream()
                .collect(Collectors.groupingBy(SignalStore.StoredSignal::groupId, TreeMap::new, Collectors.toList()))
                .entrySet()) {
            all = all.call(() -> groups.lockGroupById(connection, earlier.getKey()).chain(keyed -> {
                SignalBatch own = batch.regrouped(GroupTarget.alertmanager(keyed.getKey()), List.of());
                return groups.refreshGroup(connection, earlier.getKey(), 0, now)
                        .chain(status -> announce(connection, caller, own, keyed.getValue(), status, earlier.getValue()))
                        .replaceWithVoid();
            }));
        }
        return all;
    }

    /** Emits the event type announced, null when the group did not change. */
    private Uni<String> announce(SqlConnection connection, Caller caller, SignalBatch batch, AlertGroupStore.GroupRow group,
            String status, List<SignalStore.StoredSignal> changed) {
        GroupChange change = GroupChange.of(group, "firing".equals(status), changed);
        AlertGroupChanged data = new AlertGroupChanged(group.id(), batch.groupKey(), status,
                batch.source(), batch.receiver(), batch.commonLabels(), batch.commonAnnotations(), batch.externalUrl(),
                batch.truncatedAlerts(), batch.target().link().asEventData(),
                changed.stream().map(AlertGroupEvents::signalOf).toList());
        return events.announce(connection, change, caller.tenantId(), caller.projectId(), caller.actor(), data)
                .replaceWith(change.eventType());
    }
}
