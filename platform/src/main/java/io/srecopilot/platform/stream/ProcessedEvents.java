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
