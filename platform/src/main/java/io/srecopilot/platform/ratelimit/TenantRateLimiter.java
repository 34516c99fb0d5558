package io.srecopilot.platform.ratelimit;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A token bucket per tenant in Redis, shared by every replica of every service. The script uses
 * Redis' clock, so replicas never disagree about time. If Redis cannot answer, requests pass:
 * limiting is protection, not a dependency.
 */
@ApplicationScoped
public class TenantRateLimiter {

    private static final Logger LOG = Logger.getLogger(TenantRateLimiter.class);

    // KEYS: bucket. ARGV: capacity, refill per second. Returns 0 when a token was taken, else ms to wait.
    private static final String TAKE = """
            local now = redis.call('TIME')
            local nowMs = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
            local capacity = tonumber(ARGV[1])
            local rate = tonumber(ARGV[2]) / 1000
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(state[1]) or capacity
            local at = tonumber(state[2]) or nowMs
            tokens = math.min(capacity, tokens + (nowMs - at) * rate)
            local wait = 0
            if tokens >= 1 then tokens = tokens - 1 else wait = math.ceil((1 - tokens) / rate) end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(nowMs))
            redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / rate) + 1000)
            return wait""";

    private final ReactiveRedisDataSource redis;
    private final RateLimitConfig config;

    public TenantRateLimiter(ReactiveRedisDataSource redis, RateLimitConfig config) {
        this.redis = redis;
        this.config = config;
    }

    /** Takes one request from the tenant's budget; emits how long to wait when it is spent, else zero. */
    public Uni<Duration> take(UUID tenantId) {
        return redis.execute("EVAL", TAKE, "1", "sre:ratelimit:" + tenantId, Integer.toString(config.capacity()),
                Integer.toString(config.refillPerSecond()))
                .map(wait -> Duration.ofMillis(wait.toLong()))
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("Rate limiting skipped, Redis did not answer: %s", failure.toString());
                    return Duration.ZERO;
                });
    }
}
