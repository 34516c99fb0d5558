package io.srecopilot.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Connects the reactive pool of the application under test to PostgreSQL through a
 * {@link TcpProxy} tests can cut, to show what callers get while the database is down and that
 * the service recovers on its own. Flyway keeps its direct JDBC connection.
 */
public class ProxiedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private static TcpProxy proxy;

    public static TcpProxy proxy() {
        return proxy;
    }

    @Override
    public Map<String, String> start() {
        proxy = TcpProxy.start("127.0.0.1", 5432);
        return Map.of("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + proxy.port() + "/test");
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.cut();
        }
    }
}
