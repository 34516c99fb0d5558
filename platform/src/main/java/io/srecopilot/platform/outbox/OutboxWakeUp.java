package io.srecopilot.platform.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.srecopilot.platform.events.EventsConfig;
import io.vertx.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Listens on the schema's outbox channel ({@code sre_outbox_<schema>}, notified by a trigger when a
 * transaction that wrote events commits) and wakes the relay at once. It holds one connection of the
 * pool; when that connection is lost it listens again, and until then the relay's poll carries on.
 */
@ApplicationScoped
public class OutboxWakeUp {

    private static final Logger LOG = Logger.getLogger(OutboxWakeUp.class);

    private final Pool pool;
    private final Vertx vertx;
    private final EventsConfig.Outbox config;
    private volatile SqlConnection listening;
    private volatile boolean running;

    public OutboxWakeUp(Pool pool, Vertx vertx, EventsConfig config) {
        this.pool = pool;
        this.vertx = vertx;
        this.config = config.outbox();
    }

    /** Starts listening; {@code wake} runs on every notification. */
    void listen(Runnable wake) {
        running = true;
        pool.getConnection()
                .chain(connection -> {
                    listening = connection;
                    PgConnection pg = PgConnection.cast(connection);
                    pg.notificationHandler(notification -> wake.run());
                    pg.closeHandler(() -> relisten(wake, "its connection closed"));
                    return connection.query("SELECT current_schema() AS schema").execute()
                            .map(rows -> rows.iterator().next().getString("schema"))
                            .chain(schema -> connection.query("LISTEN " + channel(schema)).execute())
                            .onFailure().call(connection::close);
                })
                .subscribe().with(ignored -> wake.run(), failure -> relisten(wake, failure.toString()));
    }

    private void relisten(Runnable wake, String why) {
        listening = null;
        if (running) {
            LOG.debugf("Outbox wake-up stopped listening (%s); listening again, the relay polls meanwhile", why);
            vertx.setTimer(config.retryInterval().toMillis(), ignored -> listen(wake));
        }
    }

    /** A schema name as the trigger writes it into the channel, quoted as an identifier. */
    static String channel(String schema) {
        return "\"sre_outbox_" + schema.replace("\"", "\"\"") + "\"";
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        SqlConnection connection = listening;
        if (connection != null) {
            connection.close().subscribe().with(ignored -> { }, failure -> { });
        }
    }
}
