package io.srecopilot.ingest.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.srecopilot.ingest.service.AlertIngestService;
import io.srecopilot.ingest.service.SignalBatch;
import io.srecopilot.ingest.service.AlertGroupStore;
import io.srecopilot.ingest.service.SignalStore;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.security.Caller;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Applies trigger, acknowledge and resolve to the alert of a {@code dedup_key}, under the lock
 * of its group so that concurrent events for one key apply one at a time. Acknowledging or
 * resolving a key with no open alert is accepted and changes nothing, as with PagerDuty.
 */
@ApplicationScoped
public class EventIngestService {

    private final SignalStore store;
    private final AlertGroupStore groups;
    private final AlertIngestService ingest;
    private final ObjectMapper mapper;
    private final Pool pool;

    public EventIngestService(SignalStore store, AlertGroupStore groups, AlertIngestService ingest, ObjectMapper mapper,
            Pool pool) {
        this.store = store;
        this.groups = groups;
        this.ingest = ingest;
        this.mapper = mapper;
        this.pool = pool;
    }

    public Uni<EventReceipt> receive(Caller caller, GenericEvent event) {
        Instant now = Timestamps.now();
        return switch (event.eventAction()) {
            case GenericEvent.TRIGGER -> {
                SignalBatch batch = triggered(event, now);
                yield pool.withTransaction(connection -> trigger(connection, caller, batch, now));
            }
            case GenericEvent.ACKNOWLEDGE -> {
                String dedupKey = requiredKey(event);
                yield pool.withTransaction(connection -> acknowledge(connection, caller, dedupKey, now));
            }
            default -> {
                String dedupKey = requiredKey(event);
                yield pool.withTransaction(connection -> resolve(connection, caller, dedupKey, now));
            }
        };
    }

    private SignalBatch triggered(GenericEvent event, Instant now) {
        if (event.payload() == null) {
            throw ProblemException.invalid("payload", "is required to trigger");
        }
        String dedupKey = event.dedupKey() != null ? event.dedupKey() : UUID.randomUUID().toString();
        return EventSignals.triggered(dedupKey, event.payload(), details(event.payload()), now);
    }

    private Uni<EventReceipt> trigger(SqlConnection connection, Caller caller, SignalBatch batch, Instant now) {
        String dedupKey = batch.target().link().keys().get("dedup_key");
        return groups.createOrLockGroup(connection, caller.tenantId(), caller.projectId(), batch, now)
                .chain(group -> store.openSignal(connection, group.id(), EventSignals.fingerprint(dedupKey))
                        .chain(open -> open.isPresent()
                                ? Uni.createFrom().voidItem()
                                : ingest.apply(connection, caller, batch, group, now).replaceWithVoid())
                        .replaceWith(EventReceipt.processed(dedupKey, group.id())));
    }

    private Uni<EventReceipt> acknowledge(SqlConnection connection, Caller caller, String dedupKey, Instant now) {
        return groups.lockGroup(connection, caller.projectId(), EventSignals.groupKey(dedupKey))
                .chain(group -> group.isEmpty()
                        ? Uni.createFrom().item(EventReceipt.processed(dedupKey, null))
                        : store.openSignal(connection, group.get().id(), EventSignals.fingerprint(dedupKey))
                                .chain(open -> open.isEmpty() ? Uni.createFrom().voidItem()
                                        : store.acknowledge(connection, open.get().id(), now).replaceWithVoid())
                                .replaceWith(EventReceipt.processed(dedupKey, group.get().id())));
    }

    private Uni<EventReceipt> resolve(SqlConnection connection, Caller caller, String dedupKey, Instant now) {
        return groups.lockGroup(connection, caller.projectId(), EventSignals.groupKey(dedupKey))
                .chain(group -> group.isEmpty()
                        ? Uni.createFrom().item(EventReceipt.processed(dedupKey, null))
                        : store.openSignal(connection, group.get().id(), EventSignals.fingerprint(dedupKey))
                                .chain(open -> open.isEmpty() ? Uni.createFrom().voidItem()
                                        : ingest.apply(connection, caller,
                                                EventSignals.resolved(dedupKey, open.get().signal(), now), group.get(),
                                                now).replaceWithVoid())
                                .replaceWith(EventReceipt.processed(dedupKey, group.get().id())));
    }

    private static String requiredKey(GenericEvent event) {
        if (event.dedupKey() == null || event.dedupKey().isBlank()) {
            throw ProblemException.invalid("dedup_key", "is required to " + event.eventAction());
        }
        return event.dedupKey();
    }

    private String details(EventPayload payload) {
        if (payload.customDetails() == null || payload.customDetails().isNull()) {
            return null;
        }
        try {
            String details = mapper.writeValueAsString(payload.customDetails());
            if (details.length() > EventSignals.MAX_DETAILS) {
                throw ProblemException.invalid("payload.custom_details",
                        "must be at most " + EventSignals.MAX_DETAILS + " characters as JSON");
            }
            return details;
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("payload.custom_details", "cannot be read as JSON");
        }
    }
}
