package io.srecopilot.platform.health;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports whether Redis answers. Services that keep working without Redis (their events wait in
 * the outbox) set {@code sre.health.redis-required=false}: they stay ready and report
 * {@code degraded}, so an outage of a shared dependency does not pull every replica out of
 * the load balancer at once.
 */
@Readiness
@ApplicationScoped
public class RedisReadinessCheck implements AsyncHealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final ReactiveRedisDataSource redis;
    private final boolean required;

    public RedisReadinessCheck(ReactiveRedisDataSource redis,
            @ConfigProperty(name = "sre.health.redis-required", defaultValue = "true") boolean required) {
        this.redis = redis;
        this.required = required;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return redis.execute("PING")
                .ifNoItem().after(TIMEOUT).fail()
                .map(pong -> HealthCheckResponse.named("redis").up().build())
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named("redis")
                        .status(!required)
                        .withData("state", required ? "down" : "degraded")
                        .withData("error", failure.getClass().getSimpleName())
                        .build());
    }
}
