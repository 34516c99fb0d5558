package io.srecopilot.auth.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.srecopilot.auth.config.AuthConfig;
import io.srecopilot.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Caps the anonymous calls that hash a password (sign-up and accepting an invitation: Argon2id,
 * 19 MiB and tens of milliseconds of CPU each) before any hashing: so many an hour per client
 * address, so many a minute for everyone together, so that a flood neither fills the database with
 * accounts nor takes the CPU from logins. Counted in Redis; if Redis is unreachable the call goes
 * through, as logins do.
 */
@ApplicationScoped
public class SignupThrottle {

    private static final Logger LOG = Logger.getLogger(SignupThrottle.class);

    // KEYS: address's hour, everyone's minute. ARGV: max per address, max for all.
    // An address over its cap does not use up everyone's minute.
    private static final String COUNT = """
            local mine = redis.call('INCR', KEYS[1])
            redis.call('EXPIRE', KEYS[1], 3600, 'NX')
            if mine > tonumber(ARGV[1]) then return {'address', redis.call('PTTL', KEYS[1])} end
            local all = redis.call('INCR', KEYS[2])
            redis.call('EXPIRE', KEYS[2], 60, 'NX')
            if all > tonumber(ARGV[2]) then return {'everyone', redis.call('PTTL', KEYS[2])} end
            return {'ok', 0}""";

    private final ReactiveRedisDataSource redis;
    private final AuthConfig.SignupThrottle config;
    private final MeterRegistry registry;

    public SignupThrottle(ReactiveRedisDataSource redis, AuthConfig config, MeterRegistry registry) {
        this.redis = redis;
        this.config = config.signupThrottle();
        this.registry = registry;
    }

    /** Completes if this address may sign up now; fails with 429 and when to come back if not. */
    public Uni<Void> admit(String address) {
        return redis.execute("EVAL", COUNT, "2", config.keyPrefix() + ":address:" + address,
                config.keyPrefix() + ":everyone", Integer.toString(config.maxPerAddressPerHour()),
                Integer.toString(config.maxPerMinute()))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Sign-up throttling unavailable, call allowed: %s", failure.toString());
                    return null;
                })
                .chain(response -> {
                    if (response == null || "ok".equals(response.get(0).toString())) {
                        return Uni.createFrom().voidItem();
                    }
                    String reason = response.get(0).toString();
                    registry.counter("sre.auth.signup.throttled", "reason", reason).increment();
                    Duration retryAfter = Duration.ofMillis(Math.max(1_000, response.get(1).toLong()));
                    return Uni.createFrom().failure(ProblemException.rateLimited("address".equals(reason)
                            ? "Too many sign-ups from this address; try again later"
                            : "Too many sign-ups right now; try again in a minute", retryAfter));
                });
    }
}
