package io.srecopilot.ingest.integration;

import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.rest.Timestamps;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Records how the latest call to an integration went. On the SQL client: the poller and the
 * back-fill call it from concurrent or detached work that must not share a Hibernate session.
 */
@ApplicationScoped
public class IntegrationHealth {

    private static final String SUCCEEDED = "UPDATE integration SET last_success_at = $2 WHERE id = $1";
    private static final String FAILED = "UPDATE integration SET last_error_at = $2, last_error = $3 WHERE id = $1";
    private static final int MAX_ERROR = 500;

    private final Pool pool;

    public IntegrationHealth(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> succeeded(UUID integrationId, Instant at) {
        return pool.preparedQuery(SUCCEEDED).execute(Tuple.of(integrationId, Timestamps.atUtc(at)))
                .replaceWithVoid();
    }

    public Uni<Void> failed(UUID integrationId, Instant at, String error) {
        String bounded = error == null ? "unknown error"
                : error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR) + "…";
        return pool.preparedQuery(FAILED).execute(Tuple.of(integrationId, Timestamps.atUtc(at), bounded))
                .replaceWithVoid();
    }
}
