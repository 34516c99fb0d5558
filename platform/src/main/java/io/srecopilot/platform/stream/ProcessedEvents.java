package io.srecopilot.platform.stream;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.EventsConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/** The ids of events this service has handled, the basis of exactly-once effects. */
@ApplicationScoped
public class ProcessedEvents {

    private static final String RECORD = """
            INSERT INTO processed_event (event_id, type) VALUES (:eventId, :type) ON CONFLICT DO NOTHING""";

    private static final String PURGE = """
            DELETE FROM processed_event WHERE event_id IN (
              SELECT event_id FROM processed_event WHERE processed_at < $1 LIMIT $2)""";

    private static final Logger LOG = Logger.getLogger(ProcessedEvents.class);
    private static final int PURGE_BATCH = 10_000;

    private final Pool pool;
    private final EventsConfig config;

    public ProcessedEvents(Pool pool, EventsConfig config) {
        this.pool = pool;
        this.config = config;
    }

    /**
     * Records the event in the current transaction. Emits false when it was already recorded; a
     * concurrent duplicate waits on the row lock and then sees it recorded.
     */
    public Uni<Boolean> recordFirstDelivery(EventEnvelope event) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(RECORD)
                        .setParameter("eventId", event.id())
                        .setParameter("type", event.type())
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /**
     * Records many events in the current transaction, in one statement; emits those not recorded
     * before (each once, in the given order).
     */
    public Uni<List<EventEnvelope>> recordFirstDeliveries(List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        StringBuilder sql = new StringBuilder("INSERT INTO processed_event (event_id, type) VALUES ");
        for (int i = 0; i < events.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:id").append(i).append(", :type").append(i).append(')');
        }
        sql.append(" ON CONFLICT DO NOTHING RETURNING event_id");
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString(), UUID.class);
            for (int i = 0; i < events.size(); i++) {
                query.setParameter("id" + i, events.get(i).id()).setParameter("type" + i, events.get(i).type());
            }
            return query.getResultList();
        }).map(inserted -> {
            Set<UUID> fresh = new HashSet<>(inserted);
            return events.stream().filter(event -> fresh.remove(event.id())).toList();
        });
    }

    /** Forgets ids older than the stream can still redeliver, so the table stays small. */
    @Scheduled(every = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeExpired() {
        return purgeOlderThan(config.consumer().dedupRetention(), PURGE_BATCH)
                .onFailure().invoke(failure -> LOG.warnf("Purging processed event ids failed: %s", failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    public Uni<Integer> purgeOlderThan(Duration retention, int limit) {
        return pool.preparedQuery(PURGE)
                .execute(Tuple.of(OffsetDateTime.now().minus(retention), limit))
                .map(rows -> rows.rowCount());
    }
}
