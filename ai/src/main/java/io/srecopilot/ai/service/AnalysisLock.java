package io.srecopilot.ai.service;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * One analysis per incident at a time, across replicas: a Redis lock with an owner token and an
 * expiry (so a crashed replica cannot hold it for ever), released only by its owner. When Redis
 * cannot answer the analysis runs anyway: a possible duplicate analysis is better than none.
 */
@ApplicationScoped
public class AnalysisLock {

    private static final Logger LOG = Logger.getLogger(AnalysisLock.class);
    // KEYS: lock. ARGV: owner token. Deletes the lock only when this owner still holds it.
    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0""";

    private final ReactiveRedisDataSource redis;
    private final Duration ttl;

    public AnalysisLock(ReactiveRedisDataSource redis,
            @ConfigProperty(name = "sre.analysis.lock-ttl", defaultValue = "2M") Duration ttl) {
        this.redis = redis;
        this.ttl = ttl;
    }

    /** Emits the owner token, or null when another analysis of the incident holds the lock. */
    public Uni<String> acquire(UUID incidentId) {
        String token = UUID.randomUUID().toString();
        return redis.value(String.class)
                .setGet(key(incidentId), token, new SetArgs().nx().px(ttl))
                .map(previous -> previous == null ? token : null)
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Analysis of incident %s runs unlocked, Redis did not answer: %s", incidentId, failure);
                    return token;
                });
    }

    public Uni<Void> release(UUID incidentId, String token) {
        return redis.execute("EVAL", RELEASE, "1", key(incidentId), token).replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("Lock of incident %s left to expire: %s", incidentId, failure.toString());
                    return null;
                });
    }

    private static String key(UUID incidentId) {
        return "sre:ai:analysis-lock:" + incidentId;
    }
}
