package io.srecopilot.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points the application under test at its own {@link RedisServer}, which tests may stop and
 * restart: {@code @QuarkusTestResource(PrivateRedisResource.class)}, then {@link #server()}.
 */
public class PrivateRedisResource implements QuarkusTestResourceLifecycleManager {

    private static RedisServer server;

    public static RedisServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = RedisServer.start();
        return Map.of("quarkus.redis.hosts", server.uri());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
