package io.srecopilot.ingest.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.srecopilot.ingest.integration.Integration;
import io.srecopilot.ingest.integration.IntegrationHealth;
import io.srecopilot.ingest.integration.IntegrationService;
import io.srecopilot.ingest.integration.PrometheusClient;
import io.srecopilot.ingest.service.AlertIngestService;
import io.srecopilot.ingest.service.SignalBatch;
import io.srecopilot.platform.security.Caller;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Fills in the alerts Alertmanager left out of a notification ({@code truncatedAlerts > 0}): where
 * an integration of the project knows the Alertmanager's URL, asks its {@code /api/v2/alerts} for
 * the group's active alerts (filtered by the group labels) and stores them like any notification's.
 * It runs after the webhook was answered, so a slow or failing Alertmanager never delays ingest.
 */
@ApplicationScoped
public class TruncatedGroupBackfill {

    private static final Logger LOG = Logger.getLogger(TruncatedGroupBackfill.class);

    // The integration whose Alertmanager sent this notification, else any that names one.
    private static final String INTEGRATION = """
            SELECT id, url, alertmanager_url, auth_type, username, sealed_secrets, tls_verify FROM integration
             WHERE tenant_id = $1 AND project_id = $2 AND alertmanager_url IS NOT NULL
             ORDER BY (rtrim(alertmanager_url, '/') = rtrim($3, '/')) DESC, name LIMIT 1""";

    private final Pool pool;
    private final PrometheusClient client;
    private final IntegrationService integrations;
    private final IntegrationHealth health;
    private final AlertIngestService ingest;

    public TruncatedGroupBackfill(Pool pool, PrometheusClient client, IntegrationService integrations,
            IntegrationHealth health, AlertIngestService ingest) {
        this.pool = pool;
        this.client = client;
        this.integrations = integrations;
        this.health = health;
        this.ingest = ingest;
    }

    /** Starts the back-fill of a truncated notification without waiting for it. */
    public void start(Caller caller, AlertmanagerWebhook notification) {
        backfill(caller, notification).subscribe().with(
                stored -> LOG.debugf("Back-filled %d alerts of group %s", stored, notification.groupKey()),
                failure -> LOG.warnf("Back-fill of group %s failed: %s", notification.groupKey(), failure.toString()));
    }

    /** Emits how many alerts the back-fill stored; 0 when no integration knows the Alertmanager. */
    public Uni<Integer> backfill(Caller caller, AlertmanagerWebhook notification) {
        return pool.preparedQuery(INTEGRATION)
                .execute(Tuple.of(caller.tenantId(), caller.projectId(), String.valueOf(notification.externalURL())))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(0);
                    }
                    Integration integration = Integration.connection(rows.iterator().next());
                    Instant now = Instant.now();
                    return client.getFromAlertmanager(integration, integrations.secretsOf(integration),
                            "/api/v2/alerts?active=true&silenced=false&inhibited=false"
                                    + filters(notification.groupLabels()))
                            .chain(alerts -> store(caller, notification, alerts))
                            .call(() -> health.succeeded(integration.id, now))
                            .onFailure().call(failure -> health.failed(integration.id, now, failure.getMessage()));
                });
    }

    private Uni<Integer> store(Caller caller, AlertmanagerWebhook notification, JsonNode alerts) {
        List<Alert> active = new ArrayList<>();
        alerts.forEach(alert -> active.add(alert(alert)));
        if (active.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        SignalBatch batch = AlertmanagerBatches.of(new AlertmanagerWebhook(notification.version(),
                notification.groupKey(), "firing", notification.receiver(), notification.groupLabels(),
                notification.commonLabels(), notification.commonAnnotations(), notification.externalURL(),
                notification.truncatedAlerts(), active));
        return ingest.ingest(caller, batch).map(receipt -> receipt.stored());
    }

    /** One matcher per group label: the group's alerts are those that carry all of them. */
    private static String filters(Map<String, String> groupLabels) {
        return groupLabels.entrySet().stream()
                .map(label -> "&filter=" + URLEncoder.encode(label.getKey() + "=\"" + label.getValue()
                        .replace("\\", "\\\\").replace("\"", "\\\"") + "\"", StandardCharsets.UTF_8))
                .collect(Collectors.joining());
    }

    private static Alert alert(JsonNode json) {
        return new Alert("firing", strings(json.path("labels")), strings(json.path("annotations")),
                Instant.parse(json.path("startsAt").asText()), null, json.path("generatorURL").asText(null),
                json.path("fingerprint").asText(null));
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue().asText()));
        return values;
    }
}
