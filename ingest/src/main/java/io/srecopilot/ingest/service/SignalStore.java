package io.srecopilot.ingest.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The SQL of the ingest write path, run in the caller's transaction. Upserts rely on the unique
 * keys, so concurrent and repeated notifications serialize on them and change nothing twice.
 */
@ApplicationScoped
public class SignalStore {

    private static final String INSERT_GROUP = """
            INSERT INTO alert_group (id, tenant_id, project_id, group_key, receiver, status, common_labels,
                                     common_annotations, opened_at, updated_at)
            VALUES (:id, :tenantId, :projectId, :groupKey, :receiver, :status, CAST(CAST(:labels AS text) AS jsonb),
                    CAST(CAST(:annotations AS text) AS jsonb), :now, :now)
            ON CONFLICT (project_id, group_key) DO NOTHING
            RETURNING id""";

    private static final String LOCK_GROUP = """
            SELECT CAST(id AS text), status FROM alert_group WHERE project_id = :projectId AND group_key = :groupKey
            FOR UPDATE""";

    private static final String UPDATE_GROUP_STATUS = """
            UPDATE alert_group SET status = :status, updated_at = :now,
                   resolved_at = CASE WHEN CAST(:status AS text) = 'resolved' THEN CAST(:now AS timestamptz) END
            WHERE id = :id""";

    // Only a change of status is news: HA pairs and retries resend the same alert with other end times.
    private static final String UPSERT_SIGNAL = """
            INSERT INTO signal (id, tenant_id, project_id, alert_group_id, source, fingerprint, alertname, service,
                                severity, status, starts_at, ends_at, labels, annotations, generator_url,
                                received_at, updated_at)
            VALUES (:id, :tenantId, :projectId, :groupId, 'alertmanager', :fingerprint, :alertname, :service,
                    :severity, :status, :startsAt, :endsAt, CAST(CAST(:labels AS text) AS jsonb),
                    CAST(CAST(:annotations AS text) AS jsonb), :generatorUrl, :now, :now)
            ON CONFLICT (project_id, fingerprint, starts_at) DO UPDATE
               SET status = EXCLUDED.status, ends_at = EXCLUDED.ends_at, annotations = EXCLUDED.annotations,
                   updated_at = EXCLUDED.updated_at
             WHERE signal.status IS DISTINCT FROM EXCLUDED.status
            RETURNING CAST(id AS text), (xmax = 0) AS inserted""";

    private final ObjectMapper mapper;

    public SignalStore(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The group, created now or locked until the transaction ends so its notifications apply one at a time. */
    public Uni<GroupRow> createOrLockGroup(UUID tenantId, UUID projectId, String groupKey, String receiver,
            String status, Map<String, String> labels, Map<String, String> annotations, Instant now) {
        UUID id = UUID.randomUUID();
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT_GROUP, UUID.class)
                .setParameter("id", id).setParameter("tenantId", tenantId).setParameter("projectId", projectId)
                .setParameter("groupKey", groupKey).setParameter("receiver", receiver).setParameter("status", status)
                .setParameter("labels", json(labels)).setParameter("annotations", json(annotations))
                .setParameter("now", now)
                .getResultList()
                .chain(inserted -> !inserted.isEmpty()
                        ? Uni.createFrom().item(new GroupRow(id, status, true))
                        : session.createNativeQuery(LOCK_GROUP, Object[].class)
                                .setParameter("projectId", projectId).setParameter("groupKey", groupKey)
                                .getSingleResult()
                                .map(row -> new GroupRow(UUID.fromString((String) row[0]), (String) row[1], false))));
    }

    public Uni<Void> setGroupStatus(UUID groupId, String status, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(UPDATE_GROUP_STATUS)
                .setParameter("id", groupId).setParameter("status", status).setParameter("now", now)
                .executeUpdate()).replaceWithVoid();
    }

    /** Emits the stored row when the signal is new or changed status; empty when it is a duplicate. */
    public Uni<List<StoredSignal>> upsert(UUID tenantId, UUID projectId, UUID groupId, NormalizedSignal signal, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT_SIGNAL, Object[].class)
                .setParameter("id", UUID.randomUUID()).setParameter("tenantId", tenantId)
                .setParameter("projectId", projectId).setParameter("groupId", groupId)
                .setParameter("fingerprint", signal.fingerprint()).setParameter("alertname", signal.alertname())
                .setParameter("service", signal.service()).setParameter("severity", signal.severity().value())
                .setParameter("status", signal.status()).setParameter("startsAt", signal.startsAt())
                .setParameter("endsAt", signal.endsAt()).setParameter("labels", json(signal.labels()))
                .setParameter("annotations", json(signal.annotations()))
                .setParameter("generatorUrl", signal.generatorUrl()).setParameter("now", now)
                .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new StoredSignal(UUID.fromString((String) row[0]), (Boolean) row[1], signal))
                        .toList());
    }

    private String json(Map<String, String> values) {
        try {
            return mapper.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Labels cannot be written as JSON", e);
        }
    }

    /** An alert group as the write path sees it. */
    public record GroupRow(UUID id, String status, boolean created) {
    }

    /** A signal the notification inserted, or whose status it changed. */
    public record StoredSignal(UUID id, boolean inserted, NormalizedSignal signal) {
    }
}
