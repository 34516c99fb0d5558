package io.srecopilot.ingest.poller;

import io.smallrye.mutiny.Uni;
import io.srecopilot.ingest.integration.Integration;
import io.srecopilot.ingest.integration.IntegrationHealth;
import io.srecopilot.platform.rest.Timestamps;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The poller's SQL, on the reactive SQL client: templates run concurrently, and a Hibernate
 * session may not be shared between them (decision 013).
 */
@ApplicationScoped
public class PollerStore {

    // Fixed rate: the next run is due one interval after this one was due, so a tick's lateness
    // does not add up; a template late by more than its interval is not run twice to catch up.
    private static final String CLAIM = """
            UPDATE query_template t
               SET next_run_at = CASE WHEN t.next_run_at + t.interval_seconds * interval '1 second' > $2
                                      THEN t.next_run_at + t.interval_seconds * interval '1 second'
                                      ELSE $2 + t.interval_seconds * interval '1 second' END,
                   last_run_at = $2
             WHERE t.id IN (SELECT id FROM query_template
                             WHERE enabled AND next_run_at <= $2
                             ORDER BY next_run_at LIMIT $1
                             FOR UPDATE SKIP LOCKED)
            RETURNING t.id""";

    private static final String TARGET = """
            SELECT t.id, t.tenant_id, t.project_id, t.integration_id, t.name, t.query, t.service_label, t.unit,
                   t.severity, t.interval_seconds, t.threshold_operator, t.threshold_value, t.threshold_for_seconds,
                   t.anomaly_baseline_seconds, t.anomaly_z, t.anomaly_points,
                   i.url, i.alertmanager_url, i.auth_type, i.username, i.sealed_secrets, i.tls_verify
              FROM query_template t JOIN integration i ON i.id = t.integration_id
             WHERE t.id = $1""";

    private static final String SUCCEEDED = """
            UPDATE query_template SET failures = 0, last_error = NULL WHERE id = $1""";

    // The interval doubles per failure in a row, up to the bound.
    private static final String FAILED = """
            UPDATE query_template
               SET failures = failures + 1, last_error = $2,
                   next_run_at = $3 + LEAST(interval_seconds * power(2, LEAST(failures + 1, 20)),
                                            CAST($4 AS double precision)) * interval '1 second'
             WHERE id = $1""";

    private final Pool pool;
    private final IntegrationHealth health;

    public PollerStore(Pool pool, IntegrationHealth health) {
        this.pool = pool;
        this.health = health;
    }

    /** Claims up to {@code limit} due templates, moving each to its next run. */
    public Uni<List<UUID>> claimDue(int limit, Instant now) {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(limit, Timestamps.atUtc(now)))
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getUUID("id")));
                    return ids;
                });
    }

    /** The template with its integration, as detached objects; null when it was deleted meanwhile. */
    public Uni<TemplateRun.Target> target(UUID templateId) {
        return pool.preparedQuery(TARGET).execute(Tuple.of(templateId))
                .map(rows -> rows.size() == 0 ? null : target(rows.iterator().next()));
    }

    public Uni<Void> succeeded(TemplateRun.Target target, Instant at) {
        return pool.preparedQuery(SUCCEEDED).execute(Tuple.of(target.template().id))
                .chain(() -> health.succeeded(target.integration().id, at));
    }

    public Uni<Void> failed(TemplateRun.Target target, String error, Instant at, long maxBackoffSeconds) {
        return pool.preparedQuery(FAILED).execute(Tuple.of(target.template().id, error, Timestamps.atUtc(at),
                maxBackoffSeconds))
                .chain(() -> health.failed(target.integration().id, at, error));
    }

    private static TemplateRun.Target target(Row row) {
        QueryTemplate template = new QueryTemplate();
        template.id = row.getUUID("id");
        template.tenantId = row.getUUID("tenant_id");
        template.projectId = row.getUUID("project_id");
        template.integrationId = row.getUUID("integration_id");
        template.name = row.getString("name");
        template.query = row.getString("query");
        template.serviceLabel = row.getString("service_label");
        template.unit = row.getString("unit");
        template.severity = row.getString("severity");
        template.intervalSeconds = row.getInteger("interval_seconds");
        template.thresholdOperator = row.getString("threshold_operator");
        template.thresholdValue = row.getDouble("threshold_value");
        template.thresholdForSeconds = row.getInteger("threshold_for_seconds");
        template.anomalyBaselineSeconds = row.getInteger("anomaly_baseline_seconds");
        template.anomalyZ = row.getDouble("anomaly_z");
        template.anomalyPoints = row.getInteger("anomaly_points");
        // The integration's columns share the row; its id is the template's integration_id.
        Integration integration = Integration.connection(row);
        integration.id = template.integrationId;
        return new TemplateRun.Target(template, integration);
    }
}
