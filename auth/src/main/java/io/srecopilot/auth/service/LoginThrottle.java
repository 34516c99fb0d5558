package io.srecopilot.auth.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.srecopilot.auth.config.AuthConfig;
import io.srecopilot.platform.security.Hashes;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Brute-force defence for logins, in Redis. One IP guessing one account waits longer after every
 * failure beyond a few; an account takes at most a hundred failures an hour from all IPs, after
 * which only IPs it signed in from before get through; one IP fails at most a few hundred times an
 * hour across accounts. Nothing here can lock a person out for good: waits are per IP, caps end
 * with their hour. If Redis is unreachable, logins are not throttled (Argon2 still slows guessing).
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class);
    private static final long HOUR_SECONDS = 3_600;
    private static final int MAX_KNOWN_IPS = 50;

    // KEYS: pair wait, account failures, ip failures, known ips. ARGV: ip, max account, max ip.
    private static final String CHECK = """
            local wait = redis.call('PTTL', KEYS[1])
            if wait > 0 then return {'ip-on-account', wait} end
            if tonumber(redis.call('GET', KEYS[3]) or '0') >= tonumber(ARGV[3]) then
              return {'ip', redis.call('PTTL', KEYS[3])}
            end
            if tonumber(redis.call('GET', KEYS[2]) or '0') >= tonumber(ARGV[2])
                and redis.call('SISMEMBER', KEYS[4], ARGV[1]) == 0 then
              return {'account', redis.call('PTTL', KEYS[2])}
            end
            return {'ok', 0}""";

    // KEYS: account failures, ip failures, pair failures, pair wait. ARGV: window s, free, base ms, max ms.
    // After the free attempts are used up, each failure makes the next attempt wait twice as long.
    private static final String FAILED = """
            for i = 1, 3 do
              redis.call('INCR', KEYS[i])
              redis.call('EXPIRE', KEYS[i], ARGV[1], 'NX')
            end
            local beyond = tonumber(redis.call('GET', KEYS[3])) - tonumber(ARGV[2]) + 1
            if beyond > 0 then
              local delay = math.min(tonumber(ARGV[3]) * 2 ^ (beyond - 1), tonumber(ARGV[4]))
              redis.call('SET', KEYS[4], '1', 'PX', math.floor(delay))
            end
            return beyond""";

    // KEYS: pair failures, pair wait, known ips. ARGV: ip, known memory s, max known.
    private static final String SUCCEEDED = """
            redis.call('DEL', KEYS[1], KEYS[2])
            redis.call('SADD', KEYS[3], ARGV[1])
            if redis.call('SCARD', KEYS[3]) > tonumber(ARGV[3]) then redis.call('SPOP', KEYS[3]) end
            redis.call('EXPIRE', KEYS[3], ARGV[2])
            return 1""";

    private final ReactiveRedisDataSource redis;
    private final AuthConfig.LoginThrottle config;
    private final MeterRegistry registry;

    public LoginThrottle(ReactiveRedisDataSource redis, AuthConfig config, MeterRegistry registry) {
        this.redis = redis;
        this.config = config.loginThrottle();
        this.registry = registry;
    }

    /** Whether this IP may try this account now, and if not, for how long not. */
    public record Verdict(String refusal, Duration retryAfter) {

        static final Verdict ALLOWED = new Verdict(null, Duration.ZERO);

        public boolean allowed() {
            return refusal == null;
        }
    }

    public Uni<Verdict> check(String email, String ip) {
        Keys keys = keys(email, ip);
        return eval(CHECK, new String[] { keys.pairWait, keys.accountFailures, keys.ipFailures, keys.knownIps },
                ip, Integer.toString(config.maxAccountFailuresPerHour()), Integer.toString(config.maxIpFailuresPerHour()))
                .map(response -> {
                    String outcome = response.get(0).toString();
                    if ("ok".equals(outcome)) {
                        return Verdict.ALLOWED;
                    }
                    registry.counter("sre.auth.login.throttled", "reason", outcome).increment();
                    return new Verdict(outcome, Duration.ofMillis(Math.max(1, response.get(1).toLong())));
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Login throttling unavailable, attempt allowed: %s", failure.toString());
                    return Verdict.ALLOWED;
                });
    }

    public Uni<Void> failed(String email, String ip) {
        Keys keys = keys(email, ip);
        return eval(FAILED, new String[] { keys.accountFailures, keys.ipFailures, keys.pairFailures, keys.pairWait },
                Long.toString(HOUR_SECONDS), Integer.toString(config.freeAttempts()),
                Long.toString(config.baseDelay().toMillis()), Long.toString(config.maxDelay().toMillis()))
                .replaceWithVoid()
                .onFailure().invoke(failure -> LOG.warnf("Failed login not counted: %s", failure.toString()))
                .onFailure().recoverWithNull();
    }

    public Uni<Void> succeeded(String email, String ip) {
        Keys keys = keys(email, ip);
        return eval(SUCCEEDED, new String[] { keys.pairFailures, keys.pairWait, keys.knownIps },
                ip, Long.toString(config.knownIpMemory().toSeconds()), Integer.toString(MAX_KNOWN_IPS))
                .replaceWithVoid()
                .onFailure().invoke(failure -> LOG.warnf("Successful login not recorded: %s", failure.toString()))
                .onFailure().recoverWithNull();
    }

    private Uni<Response> eval(String script, String[] keys, String... args) {
        String[] command = new String[2 + keys.length + args.length];
        command[0] = script;
        command[1] = Integer.toString(keys.length);
        System.arraycopy(keys, 0, command, 2, keys.length);
        System.arraycopy(args, 0, command, 2 + keys.length, args.length);
        return redis.execute("EVAL", command);
    }

    /** Accounts are keyed by a hash of the normalised email, so Redis holds no addresses. */
    private Keys keys(String email, String ip) {
        String account = Hashes.sha256Hex(email.strip().toLowerCase(Locale.ROOT)).substring(0, 32);
        String prefix = config.keyPrefix();
        return new Keys(prefix + ":wait:" + account + ":" + ip, prefix + ":fails:account:" + account,
                prefix + ":fails:ip:" + ip, prefix + ":fails:pair:" + account + ":" + ip, prefix + ":known:" + account);
    }

    private record Keys(String pairWait, String accountFailures, String ipFailures, String pairFailures,
            String knownIps) {
    }
}
