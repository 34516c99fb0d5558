package io.srecopilot.platform.testing;

import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.inject.spi.CDI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Flyway versions applied to the service's schema. Kept apart from {@link ServiceContractTest}
 * so services without PostgreSQL never load the SQL client classes.
 */
final class AppliedMigrations {

    private AppliedMigrations() {
    }

    static List<String> versions() {
        Pool pool = CDI.current().select(Pool.class).get();
        List<String> applied = new ArrayList<>();
        pool.query("SELECT version FROM flyway_schema_history WHERE success").execute()
                .await().atMost(Duration.ofSeconds(10))
                .forEach(row -> applied.add(row.getString("version")));
        return applied;
    }
}
