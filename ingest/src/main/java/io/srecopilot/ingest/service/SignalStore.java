package io.srecopilot.ingest.service;

import static io.srecopilot.ingest.service.SqlArguments.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.domain.Severity;
import io.srecopilot.platform.persistence.CacheableSql;
import io.srecopilot.platform.rest.Timestamps;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The signals' SQL on the ingest write path, on the connection of the caller's transaction (the
 * reactive SQL client directly, decision 013); {@link AlertGroupStore} has the groups'. Upserts rely
 * on the unique keys, so concurrent and repeated notifications serialize on them and change nothing
 * twice; a batch's signals are written in one statement, whatever their number.
 */
@ApplicationScoped
public class SignalStore {

    // Resolution is terminal for an occurrence (a new firing has a new startsAt): a late "firing"
    // from a retry or the slower peer of an HA pair never un-resolves it, and repeats change nothing.
    // The group's status is set in the same statement, one round trip fewer on the hottest path. Its
    // subqueries see the table as it was before the insert, so the members this statement wrote
    // are judged by what it returned: the group fires if one of them fires, or if an untouched
    // member still does. Every row carries the group's new status; with nothing written, the one
    // row has only that.
    private static final String UPSERT_SIGNALS_AND_REFRESH_GROUP = CacheableSql.of("""
            WITH upserted AS (
                INSERT INTO signal (id, tenant_id, project_id, alert_group_id, source, fingerprint, alertname, service,
                                    severity, status, starts_at, ends_at, labels, annotations, generator_url,
                                    correlation, received_at, updated_at)
                SELECT gen_random_uuid(), $1, $2, $3, $4, a.fingerprint, a.alertname, a.service,
                       a.severity, a.status, a.starts_at, a.ends_at, a.labels, a.annotations, a.generator_url,
                       CAST(CAST($5 AS text) AS jsonb), $7, $7
                  FROM jsonb_to_recordset(CAST(CAST($6 AS text) AS jsonb))
                       AS a(fingerprint text, alertname text, service text, severity text, status text,
                            starts_at timestamptz, ends_at timestamptz, labels jsonb, annotations jsonb,
                            generator_url text)
                ON CONFLICT (project_id, fingerprint, starts_at) DO UPDATE
                   SET status = EXCLUDED.status, ends_at = EXCLUDED.ends_at, annotations = EXCLUDED.annotations,
                       updated_at = EXCLUDED.updated_at
                 WHERE signal.status = 'firing' AND EXCLUDED.status = 'resolved'
                RETURNING id, (xmax = 0) AS inserted, fingerprint,
                          CAST(EXTRACT(EPOCH FROM starts_at) * 1000000 AS bigint) AS starts_micros, alert_group_id,
                          status
            ), refreshed AS (
                UPDATE alert_group g
                   SET status = m.status, truncated_alerts = $8, updated_at = $7,
                       resolved_at = CASE WHEN m.status = 'firing' THEN NULL
                                          WHEN g.status = 'resolved' AND g.resolved_at IS NOT NULL THEN g.resolved_at
                                          ELSE $7 END
                  FROM (SELECT CASE WHEN EXISTS (SELECT 1 FROM upserted u
                                                  WHERE u.alert_group_id = $3 AND u.status = 'firing')
                                      OR EXISTS (SELECT 1 FROM signal s
                                                  WHERE s.alert_group_id = $3 AND s.status = 'firing'
                                                    AND NOT EXISTS (SELECT 1 FROM upserted u WHERE u.id = s.id))
                                    THEN 'firing' ELSE 'resolved' END AS status) m
                 WHERE g.id = $3
                RETURNING m.status AS group_status
            )
            SELECT r.group_status, u.id, u.inserted, u.fingerprint, u.starts_micros, u.alert_group_id
              FROM refreshed r LEFT JOIN upserted u ON true""");

    private static final String OPEN_SIGNAL = """
            SELECT id, fingerprint, alertname, service, severity, starts_at, labels, annotations, generator_url
              FROM signal WHERE alert_group_id = $1 AND fingerprint = $2 AND status = 'firing'
             ORDER BY starts_at DESC LIMIT 1""";

    private static final String ACKNOWLEDGE = """
            UPDATE signal SET acknowledged_at = $2, updated_at = $2
             WHERE id = $1 AND status = 'firing' AND acknowledged_at IS NULL""";

    private final ObjectMapper mapper;

    public SignalStore(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The group's still-firing occurrence of an alert, if any. */
    public Uni<Optional<OpenSignal>> openSignal(SqlConnection connection, UUID groupId, String fingerprint) {
        return connection.preparedQuery(OPEN_SIGNAL).execute(Tuple.of(groupId, fingerprint))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(OpenSignal.of(rows.iterator().next())));
    }

    /** Marks a firing signal acknowledged; repeats keep the first acknowledgement. */
    public Uni<Boolean> acknowledge(SqlConnection connection, UUID signalId, Instant now) {
        return connection.preparedQuery(ACKNOWLEDGE).execute(Tuple.of(signalId, Timestamps.atUtc(now)))
                .map(rows -> rows.rowCount() > 0);
    }

    /**
     * Writes the batch's signals into the group and sets the group's status from its members. The
     * written are those new or resolved by this batch; duplicates are left out.
     */
    public Uni<Written> upsertAndRefresh(SqlConnection connection, UUID tenantId, UUID projectId, UUID groupId,
            SignalBatch batch, Instant now) {
        Map<String, NormalizedSignal> byKey = distinct(batch.signals());
        return connection.preparedQuery(UPSERT_SIGNALS_AND_REFRESH_GROUP)
                .execute(tuple(tenantId, projectId, groupId, batch.source(), json(batch.target().link()),
                        json(byKey.values().stream().map(SignalStore::row).toList()), Timestamps.atUtc(now),
                        batch.truncatedAlerts()))
                .map(rows -> {
                    List<StoredSignal> stored = new ArrayList<>(rows.size());
                    String groupStatus = null;
                    for (Row row : rows) {
                        groupStatus = row.getString("group_status");
                        if (row.getUUID("id") != null) {
                            stored.add(new StoredSignal(row.getUUID("id"), row.getBoolean("inserted"),
                                    byKey.get(key(row.getString("fingerprint"), row.getLong("starts_micros"))),
                                    row.getUUID("alert_group_id")));
                        }
                    }
                    return new Written(stored, groupStatus);
                });
    }

    /**
     * One entry per (fingerprint, startsAt): a statement may not touch a row twice. Of repeats
     * within one notification the resolved one wins, as it would have over two notifications.
     */
    private static Map<String, NormalizedSignal> distinct(List<NormalizedSignal> signals) {
        Map<String, NormalizedSignal> byKey = new LinkedHashMap<>();
        for (NormalizedSignal signal : signals) {
            byKey.merge(key(signal.fingerprint(), micros(signal.startsAt())), signal,
                    (kept, repeat) -> "resolved".equals(repeat.status()) ? repeat : kept);
        }
        return byKey;
    }

    private static Map<String, Object> row(NormalizedSignal signal) {
        Map<String, Object> row = new HashMap<>();
        row.put("fingerprint", signal.fingerprint());
        row.put("alertname", signal.alertname());
        row.put("service", signal.service());
        row.put("severity", signal.severity().value());
        row.put("status", signal.status());
        row.put("starts_at", signal.startsAt());
        row.put("ends_at", signal.endsAt());
        row.put("labels", signal.labels());
        row.put("annotations", signal.annotations());
        row.put("generator_url", signal.generatorUrl());
        return row;
    }

    private static String key(String fingerprint, long startsMicros) {
        return fingerprint + '@' + startsMicros;
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
    }

    private String json(Object value) {
        return SqlArguments.json(mapper, value);
    }

    /** What a batch wrote: the signals it inserted or resolved, and its group's status after it. */
    public record Written(List<StoredSignal> signals, String groupStatus) {
    }

    /**
     * A signal the batch inserted, or whose status it changed, and the group it is in: an earlier
     * group when the signal was stored before a correlation rule sent its kind elsewhere.
     */
    public record StoredSignal(UUID id, boolean inserted, NormalizedSignal signal, UUID groupId) {
    }

    /** A still-firing occurrence, as an event that resolves or acknowledges it needs it. */
    public record OpenSignal(UUID id, NormalizedSignal signal) {

        static OpenSignal of(Row row) {
            NormalizedSignal signal = new NormalizedSignal(row.getString("fingerprint"), row.getString("alertname"),
                    row.getString("service"), Severity.of(row.getString("severity")),
                    "firing", row.getOffsetDateTime("starts_at").toInstant(), null, strings(row.getJsonObject("labels")),
                    strings(row.getJsonObject("annotations")), row.getString("generator_url"));
            return new OpenSignal(row.getUUID("id"), signal);
        }

        private static Map<String, String> strings(JsonObject json) {
            Map<String, String> values = new LinkedHashMap<>();
            json.forEach(entry -> values.put(entry.getKey(), String.valueOf(entry.getValue())));
            return values;
        }
    }
}
