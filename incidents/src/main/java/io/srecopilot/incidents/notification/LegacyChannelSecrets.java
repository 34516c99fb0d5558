package io.srecopilot.incidents.notification;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Seals what channels kept in plain text before secrets were sealed (migration V6): a webhook's
 * signing key, a Slack channel's URL (leaving its masked form in the config). Runs once at start;
 * each row is changed only while it still has nothing sealed, so replicas starting together agree.
 */
@ApplicationScoped
public class LegacyChannelSecrets {

    private static final Logger LOG = Logger.getLogger(LegacyChannelSecrets.class);
    private static final String LEGACY = """
            SELECT id, type, legacy_secret, config->>'url' AS url FROM notification_channel
             WHERE sealed_secret IS NULL AND (legacy_secret IS NOT NULL OR type = 'slack')""";
    private static final String SEAL = """
            UPDATE notification_channel SET sealed_secret = $1, legacy_secret = NULL,
                   config = COALESCE(jsonb_set(config, '{url}', to_jsonb($2::text)), config)
             WHERE id = $3 AND sealed_secret IS NULL""";

    private final Pool pool;
    private final ChannelSecrets secrets;

    public LegacyChannelSecrets(Pool pool, ChannelSecrets secrets) {
        this.pool = pool;
        this.secrets = secrets;
    }

    void atStart(@Observes StartupEvent event) {
        try {
            int sealed = sealAll().await().atMost(Duration.ofSeconds(30));
            if (sealed > 0) {
                LOG.infof("Sealed the plain-text secrets of %d notification channels", sealed);
            }
        } catch (RuntimeException e) {
            // Not fatal: senders fail those channels' deliveries (logged) until a restart seals them.
            LOG.errorf(e, "Sealing notification channels' plain-text secrets failed");
        }
    }

    /** Emits how many channels had their secret sealed. */
    public Uni<Integer> sealAll() {
        return pool.query(LEGACY).execute().chain(rows -> {
            List<Row> legacy = new ArrayList<>();
            rows.forEach(legacy::add);
            Uni<Integer> sealed = Uni.createFrom().item(0);
            for (Row row : legacy) {
                sealed = sealed.chain(count -> seal(row).map(changed -> count + changed));
            }
            return sealed;
        });
    }

    private Uni<Integer> seal(Row row) {
        NotificationChannel channel = new NotificationChannel();
        channel.id = row.getUUID("id");
        boolean slack = ChannelType.SLACK.value().equals(row.getString("type"));
        String url = row.getString("url");
        String secret = slack ? url : row.getString("legacy_secret");
        if (secret == null) {
            return Uni.createFrom().item(0);
        }
        secrets.seal(channel, secret);
        UUID id = channel.id;
        return pool.preparedQuery(SEAL).execute(Tuple.of(channel.sealedSecret, slack ? ChannelView.masked(url) : url, id))
                .map(result -> result.rowCount());
    }
}
