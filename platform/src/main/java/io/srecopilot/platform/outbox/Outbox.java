package io.srecopilot.platform.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.OrderingKey;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Writes events into the service's outbox table inside the caller's transaction, so a state
 * change and its event commit or roll back together. {@link OutboxRelay} publishes them.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox (event_id, ordering_key, tenant_id, project_id, type, envelope)
            VALUES (:eventId, :orderingKey, :tenantId, :projectId, :type, :envelope)""";

    private static final String INSERT_POSITIONAL = """
            INSERT INTO outbox (event_id, ordering_key, tenant_id, project_id, type, envelope)
            VALUES ($1, $2, $3, $4, $5, $6)""";

    private final EventCodec codec;

    public Outbox(EventCodec codec) {
        this.codec = codec;
    }

    /** Must run inside a transaction ({@code @WithTransaction} or {@code Panache.withTransaction}). */
    public Uni<Void> append(EventEnvelope event) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(INSERT)
                        .setParameter("eventId", event.id())
                        .setParameter("orderingKey", OrderingKey.of(event.tenantId(), event.projectId()))
                        .setParameter("tenantId", event.tenantId())
                        .setParameter("projectId", event.projectId())
                        .setParameter("type", event.type())
                        .setParameter("envelope", codec.encode(event))
                        .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * The same on a connection of the reactive SQL client, for write paths that run their
     * transaction there rather than in a Hibernate session (decision 013).
     */
    public Uni<Void> append(SqlConnection connection, EventEnvelope event) {
        return insert(connection, event, codec.encode(event));
    }

    /**
     * The same for an event whose data is {@code payload}, written into the envelope's JSON straight
     * from the object (see {@link EventCodec#encode(EventEnvelope, Object)}); the event's own data is
     * ignored. For write paths that emit an event on every request.
     */
    public Uni<Void> append(SqlConnection connection, EventEnvelope event, Object payload) {
        return insert(connection, event, codec.encode(event, payload));
    }

    private static Uni<Void> insert(SqlConnection connection, EventEnvelope event, String envelope) {
        return connection.preparedQuery(INSERT_POSITIONAL)
                .execute(Tuple.from(List.of(event.id(), OrderingKey.of(event.tenantId(), event.projectId()),
                        event.tenantId(), event.projectId(), event.type(), envelope)))
                .replaceWithVoid();
    }
}
