package io.srecopilot.ingest.service;

import static io.srecopilot.ingest.service.SqlArguments.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.rest.Timestamps;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of alert groups on the write path, on the connection of the caller's transaction:
 * creating or locking the group a batch goes to, so that one notification at a time applies to a
 * group, and setting a group's status from its members (decision 013).
 */
@ApplicationScoped
public class AlertGroupStore {

    // Created firing; the member statuses decide right after (see UPDATE_GROUP).
    private static final String INSERT_GROUP = """
            INSERT INTO alert_group (id, tenant_id, project_id, group_key, source, receiver, status, common_labels,
                                     common_annotations, opened_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, 'firing', CAST(CAST($7 AS text) AS jsonb), CAST(CAST($8 AS text) AS jsonb),
                    $9, $9)
            ON CONFLICT (project_id, group_key, generation) DO NOTHING
            RETURNING id""";

    private static final String LOCK_GROUP = """
            SELECT id, status FROM alert_group WHERE project_id = $1 AND group_key = $2 AND generation = 0
            FOR UPDATE""";

    private static final String LOCK_GROUP_BY_ID = """
            SELECT group_key, status FROM alert_group WHERE id = $1 FOR UPDATE""";

    // A rule's key: one request at a time per key decides whether the latest group still takes
    // signals (it fires, or heard of one within the window) or a new generation opens.
    private static final String LOCK_KEY = "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))";

    private static final String LATEST_GENERATION = """
            SELECT id, status, generation,
                   (status = 'firing'
                    OR updated_at >= CAST($3 AS timestamptz) - CAST($4 AS bigint) * interval '1 millisecond') AS joinable
              FROM alert_group WHERE project_id = $1 AND group_key = $2
             ORDER BY generation DESC LIMIT 1
            FOR UPDATE""";

    private static final String INSERT_GENERATION = """
            INSERT INTO alert_group (id, tenant_id, project_id, group_key, generation, source, receiver, status,
                                     common_labels, common_annotations, opened_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, 'firing', CAST(CAST($8 AS text) AS jsonb),
                    CAST(CAST($9 AS text) AS jsonb), $10, $10)""";

    // A group fires while any member fires: a notification that resolves some alerts, or that
    // Alertmanager truncated, does not resolve members it did not mention.
    private static final String UPDATE_GROUP = """
            UPDATE alert_group g
               SET status = m.status, truncated_alerts = $2, updated_at = $3,
                   resolved_at = CASE WHEN m.status = 'firing' THEN NULL
                                      WHEN g.status = 'resolved' AND g.resolved_at IS NOT NULL THEN g.resolved_at
                                      ELSE $3 END
              FROM (SELECT CASE WHEN EXISTS (SELECT 1 FROM signal WHERE alert_group_id = $1 AND status = 'firing')
                                THEN 'firing' ELSE 'resolved' END AS status) m
             WHERE g.id = $1
            RETURNING m.status""";

    private final ObjectMapper mapper;

    public AlertGroupStore(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The group, created now or locked until the transaction ends so its notifications apply one at a time. */
    public Uni<GroupRow> createOrLockGroup(SqlConnection connection, UUID tenantId, UUID projectId, SignalBatch batch,
            Instant now) {
        return batch.target().window() == null ? createOrLockLasting(connection, tenantId, projectId, batch, now)
                : createOrLockWindowed(connection, tenantId, projectId, batch, now);
    }

    /**
     * The sender's own groups live on, firing again after they resolve: generation 0 only. Almost
     * every notification is for a group that exists, so it is locked first and created only when
     * absent; of two requests creating it at once, the one that loses the insert locks it.
     */
    private Uni<GroupRow> createOrLockLasting(SqlConnection connection, UUID tenantId, UUID projectId,
            SignalBatch batch, Instant now) {
        return lockGroup(connection, projectId, batch.groupKey()).chain(existing -> existing.isPresent()
                ? Uni.createFrom().item(existing.get())
                : insertLasting(connection, tenantId, projectId, batch, now));
    }

    private Uni<GroupRow> insertLasting(SqlConnection connection, UUID tenantId, UUID projectId, SignalBatch batch,
            Instant now) {
        UUID id = UUID.randomUUID();
        return connection.preparedQuery(INSERT_GROUP)
                .execute(tuple(id, tenantId, projectId, batch.groupKey(), batch.source(), batch.receiver(),
                        json(batch.commonLabels()), json(batch.commonAnnotations()), Timestamps.atUtc(now)))
                .chain(inserted -> inserted.size() > 0
                        ? Uni.createFrom().item(new GroupRow(id, "firing", true))
                        : lockGroup(connection, projectId, batch.groupKey()).map(Optional::orElseThrow));
    }

    private Uni<GroupRow> createOrLockWindowed(SqlConnection connection, UUID tenantId, UUID projectId,
            SignalBatch batch, Instant now) {
        return connection.preparedQuery(LOCK_KEY).execute(Tuple.of(projectId + "/" + batch.groupKey()))
                .chain(() -> connection.preparedQuery(LATEST_GENERATION).execute(tuple(projectId, batch.groupKey(),
                        Timestamps.atUtc(now), batch.target().window().toMillis())))
                .chain(rows -> {
                    Row latest = rows.size() > 0 ? rows.iterator().next() : null;
                    if (latest != null && latest.getBoolean("joinable")) {
                        return Uni.createFrom().item(new GroupRow(latest.getUUID("id"), latest.getString("status"), false));
                    }
                    int generation = latest == null ? 0 : latest.getInteger("generation") + 1;
                    UUID id = UUID.randomUUID();
                    return connection.preparedQuery(INSERT_GENERATION)
                            .execute(tuple(id, tenantId, projectId, batch.groupKey(), generation, batch.source(),
                                    batch.receiver(), json(batch.commonLabels()), json(batch.commonAnnotations()),
                                    Timestamps.atUtc(now)))
                            .replaceWith(new GroupRow(id, "firing", true));
                });
    }

    /** The existing group, locked until the transaction ends; empty when there is none. */
    public Uni<Optional<GroupRow>> lockGroup(SqlConnection connection, UUID projectId, String groupKey) {
        return connection.preparedQuery(LOCK_GROUP).execute(Tuple.of(projectId, groupKey))
                .map(rows -> rows.size() == 0 ? Optional.<GroupRow>empty() : Optional.of(rows.iterator().next())
                        .map(row -> new GroupRow(row.getUUID("id"), row.getString("status"), false)));
    }

    /** A group by id, locked until the transaction ends, with its key. */
    public Uni<Map.Entry<String, GroupRow>> lockGroupById(SqlConnection connection, UUID groupId) {
        return connection.preparedQuery(LOCK_GROUP_BY_ID).execute(Tuple.of(groupId)).map(rows -> {
            Row row = rows.iterator().next();
            return Map.entry(row.getString("group_key"), new GroupRow(groupId, row.getString("status"), false));
        });
    }

    /** Sets the group's status from its members' and records truncation; emits the status now. */
    public Uni<String> refreshGroup(SqlConnection connection, UUID groupId, int truncatedAlerts, Instant now) {
        return connection.preparedQuery(UPDATE_GROUP).execute(Tuple.of(groupId, truncatedAlerts, Timestamps.atUtc(now)))
                .map(rows -> rows.iterator().next().getString("status"));
    }

    private String json(Object value) {
        return SqlArguments.json(mapper, value);
    }

    /** An alert group as the write path sees it. */
    public record GroupRow(UUID id, String status, boolean created) {
    }

}
