package io.srecopilot.ingest.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.srecopilot.ingest.Signal;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of the ingest write path, run in the caller's transaction. Upserts rely on the unique
 * keys, so concurrent and repeated notifications serialize on them and change nothing twice; a
 * notification's signals are written in one statement, whatever their number.
 */
@ApplicationScoped
public class SignalStore {

    // Created firing; the member statuses decide right after (see UPDATE_GROUP).
    private static final String INSERT_GROUP = """
            INSERT INTO alert_group (id, tenant_id, project_id, group_key, source, receiver, status, common_labels,
                                     common_annotations, opened_at, updated_at)
            VALUES (:id, :tenantId, :projectId, :groupKey, :source, :receiver, 'firing',
                    CAST(CAST(:labels AS text) AS jsonb),
                    CAST(CAST(:annotations AS text) AS jsonb), :now, :now)
            ON CONFLICT (project_id, group_key, generation) DO NOTHING
            RETURNING id""";

    private static final String LOCK_GROUP = """
            SELECT CAST(id AS text), status FROM alert_group
             WHERE project_id = :projectId AND group_key = :groupKey AND generation = 0
            FOR UPDATE""";

    // A rule's key: one request at a time per key decides whether the latest group still takes
    // signals (it fires, or heard of one within the window) or a new generation opens.
    private static final String LOCK_KEY = """
            SELECT CAST(pg_advisory_xact_lock(hashtextextended(CAST(:lockName AS text), 0)) AS text)""";

    private static final String LATEST_GENERATION = """
            SELECT CAST(id AS text), status, generation,
                   (status = 'firing' OR updated_at >= CAST(:now AS timestamptz) - CAST(:windowMs AS bigint) * interval '1 millisecond')
              FROM alert_group WHERE project_id = :projectId AND group_key = :groupKey
             ORDER BY generation DESC LIMIT 1
            FOR UPDATE""";

    private static final String INSERT_GENERATION = """
            INSERT INTO alert_group (id, tenant_id, project_id, group_key, generation, source, receiver, status,
                                     common_labels, common_annotations, opened_at, updated_at)
            VALUES (:id, :tenantId, :projectId, :groupKey, :generation, :source, :receiver, 'firing',
                    CAST(CAST(:labels AS text) AS jsonb), CAST(CAST(:annotations AS text) AS jsonb), :now, :now)""";

    private static final String ACKNOWLEDGE = """
            UPDATE signal SET acknowledged_at = :now, updated_at = :now
             WHERE id = :id AND status = 'firing' AND acknowledged_at IS NULL""";

    // A group fires while any member fires: a notification that resolves some alerts, or that
    // Alertmanager truncated, does not resolve members it did not mention.
    private static final String UPDATE_GROUP = """
            UPDATE alert_group g
               SET status = m.status, truncated_alerts = :truncated, updated_at = :now,
                   resolved_at = CASE WHEN m.status = 'firing' THEN NULL
                                      WHEN g.status = 'resolved' AND g.resolved_at IS NOT NULL THEN g.resolved_at
                                      ELSE CAST(:now AS timestamptz) END
              FROM (SELECT CASE WHEN EXISTS (SELECT 1 FROM signal WHERE alert_group_id = :id AND status = 'firing')
                                THEN 'firing' ELSE 'resolved' END AS status) m
             WHERE g.id = :id
            RETURNING m.status""";

    // Resolution is terminal for an occurrence (a new firing has a new startsAt): a late "firing"
    // from a retry or the slower peer of an HA pair never un-resolves it, and repeats change nothing.
    private static final String UPSERT_SIGNALS = """
            INSERT INTO signal (id, tenant_id, project_id, alert_group_id, source, fingerprint, alertname, service,
                                severity, status, starts_at, ends_at, labels, annotations, generator_url,
                                correlation, received_at, updated_at)
            SELECT gen_random_uuid(), :tenantId, :projectId, :groupId, :source, a.fingerprint, a.alertname, a.service,
                   a.severity, a.status, a.starts_at, a.ends_at, a.labels, a.annotations, a.generator_url,
                   CAST(CAST(:correlation AS text) AS jsonb), :now, :now
              FROM jsonb_to_recordset(CAST(CAST(:signals AS text) AS jsonb))
                   AS a(fingerprint text, alertname text, service text, severity text, status text,
                        starts_at timestamptz, ends_at timestamptz, labels jsonb, annotations jsonb, generator_url text)
            ON CONFLICT (project_id, fingerprint, starts_at) DO UPDATE
               SET status = EXCLUDED.status, ends_at = EXCLUDED.ends_at, annotations = EXCLUDED.annotations,
                   updated_at = EXCLUDED.updated_at
             WHERE signal.status = 'firing' AND EXCLUDED.status = 'resolved'
            RETURNING CAST(id AS text), (xmax = 0) AS inserted, fingerprint,
                      CAST(EXTRACT(EPOCH FROM starts_at) * 1000000 AS bigint) AS starts_micros,
                      CAST(alert_group_id AS text)""";

    private static final String LOCK_GROUP_BY_ID = """
            SELECT group_key, status FROM alert_group WHERE id = :id FOR UPDATE""";

    private final ObjectMapper mapper;

    public SignalStore(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The group, created now or locked until the transaction ends so its notifications apply one at a time. */
    public Uni<GroupRow> createOrLockGroup(UUID tenantId, UUID projectId, SignalBatch batch, Instant now) {
        return batch.target().window() == null ? createOrLockLasting(tenantId, projectId, batch, now)
                : createOrLockWindowed(tenantId, projectId, batch, now);
    }

    /** The sender's own groups live on, firing again after they resolve: generation 0 only. */
    private Uni<GroupRow> createOrLockLasting(UUID tenantId, UUID projectId, SignalBatch batch, Instant now) {
        UUID id = UUID.randomUUID();
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT_GROUP, UUID.class)
                .setParameter("id", id).setParameter("tenantId", tenantId).setParameter("projectId", projectId)
                .setParameter("groupKey", batch.groupKey()).setParameter("source", batch.source())
                .setParameter("receiver", batch.receiver())
                .setParameter("labels", json(batch.commonLabels()))
                .setParameter("annotations", json(batch.commonAnnotations())).setParameter("now", now)
                .getResultList()
                .chain(inserted -> !inserted.isEmpty()
                        ? Uni.createFrom().item(new GroupRow(id, "firing", true))
                        : lockGroup(projectId, batch.groupKey()).map(Optional::orElseThrow)));
    }

    private Uni<GroupRow> createOrLockWindowed(UUID tenantId, UUID projectId, SignalBatch batch, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(LOCK_KEY, String.class)
                .setParameter("lockName", projectId + "/" + batch.groupKey()).getSingleResult()
                .chain(() -> session.createNativeQuery(LATEST_GENERATION, Object[].class)
                        .setParameter("projectId", projectId).setParameter("groupKey", batch.groupKey())
                        .setParameter("now", now).setParameter("windowMs", batch.target().window().toMillis())
                        .getResultList())
                .chain(rows -> {
                    if (!rows.isEmpty() && (Boolean) rows.get(0)[3]) {
                        Object[] row = rows.get(0);
                        return Uni.createFrom().item(new GroupRow(UUID.fromString((String) row[0]), (String) row[1], false));
                    }
                    int generation = rows.isEmpty() ? 0 : ((Number) rows.get(0)[2]).intValue() + 1;
                    UUID id = UUID.randomUUID();
                    return session.createNativeQuery(INSERT_GENERATION)
                            .setParameter("id", id).setParameter("tenantId", tenantId)
                            .setParameter("projectId", projectId).setParameter("groupKey", batch.groupKey())
                            .setParameter("generation", generation).setParameter("source", batch.source())
                            .setParameter("receiver", batch.receiver()).setParameter("labels", json(batch.commonLabels()))
                            .setParameter("annotations", json(batch.commonAnnotations())).setParameter("now", now)
                            .executeUpdate().replaceWith(new GroupRow(id, "firing", true));
                }));
    }

    /** The existing group, locked until the transaction ends; empty when there is none. */
    public Uni<Optional<GroupRow>> lockGroup(UUID projectId, String groupKey) {
        return Panache.getSession().chain(session -> session.createNativeQuery(LOCK_GROUP, Object[].class)
                .setParameter("projectId", projectId).setParameter("groupKey", groupKey)
                .getResultList()
                .map(rows -> rows.stream().findFirst()
                        .map(row -> new GroupRow(UUID.fromString((String) row[0]), (String) row[1], false))));
    }

    /** The group's still-firing occurrence of an alert, if any. */
    public Uni<Optional<Signal>> openSignal(UUID groupId, String fingerprint) {
        return Signal.<Signal>find("alertGroupId = ?1 and fingerprint = ?2 and status = 'firing' order by startsAt desc",
                groupId, fingerprint).firstResult().map(Optional::ofNullable);
    }

    /** Marks a firing signal acknowledged; repeats keep the first acknowledgement. */
    public Uni<Boolean> acknowledge(UUID signalId, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(ACKNOWLEDGE)
                .setParameter("id", signalId).setParameter("now", now).executeUpdate())
                .map(updated -> updated > 0);
    }

    /** Sets the group's status from its members' and records truncation; emits the status now. */
    public Uni<String> refreshGroup(UUID groupId, int truncatedAlerts, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(UPDATE_GROUP, String.class)
                .setParameter("id", groupId).setParameter("truncated", truncatedAlerts).setParameter("now", now)
                .getSingleResult());
    }

    /** The signals that are new or were resolved by this batch; duplicates are left out. */
    public Uni<List<StoredSignal>> upsert(UUID tenantId, UUID projectId, UUID groupId, SignalBatch batch,
            Instant now) {
        Map<String, NormalizedSignal> byKey = distinct(batch.signals());
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT_SIGNALS, Object[].class)
                .setParameter("tenantId", tenantId).setParameter("projectId", projectId)
                .setParameter("groupId", groupId).setParameter("source", batch.source())
                .setParameter("correlation", json(batch.target().link()))
                .setParameter("signals", json(byKey.values().stream().map(SignalStore::row).toList()))
                .setParameter("now", now)
                .getResultList())
                .map(rows -> rows.stream().map(row -> new StoredSignal(UUID.fromString((String) row[0]),
                        (Boolean) row[1], byKey.get(key((String) row[2], micros(row[3]))),
                        UUID.fromString((String) row[4]))).toList());
    }

    /** A group by id, locked until the transaction ends, with its key. */
    public Uni<Map.Entry<String, GroupRow>> lockGroupById(UUID groupId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(LOCK_GROUP_BY_ID, Object[].class)
                .setParameter("id", groupId).getSingleResult()
                .map(row -> Map.entry((String) row[0], new GroupRow(groupId, (String) row[1], false))));
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

    private static long micros(Object column) {
        return column instanceof BigDecimal decimal ? decimal.longValueExact() : ((Number) column).longValue();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Signals cannot be written as JSON", e);
        }
    }

    /** An alert group as the write path sees it. */
    public record GroupRow(UUID id, String status, boolean created) {
    }

    /**
     * A signal the batch inserted, or whose status it changed, and the group it is in: an earlier
     * group when the signal was stored before a correlation rule sent its kind elsewhere.
     */
    public record StoredSignal(UUID id, boolean inserted, NormalizedSignal signal, UUID groupId) {
    }
}
