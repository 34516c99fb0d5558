package io.srecopilot.ai.llm;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The kill switch operators can throw without a restart: while Redis holds {@value #KEY} (its value
 * says why, e.g. {@code redis-cli SET sre:ai:llm:off "provider incident"}), every replica stops
 * asking the LLM. {@code sre.llm.enabled=false} is the switch that needs no Redis.
 */
@ApplicationScoped
public class LlmSwitch {

    static final String KEY = "sre:ai:llm:off";
    private static final Logger LOG = Logger.getLogger(LlmSwitch.class);

    private final ReactiveRedisDataSource redis;

    public LlmSwitch(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    /** Why the LLM is off, or null when it is on (or Redis cannot say). */
    public Uni<String> offBecause() {
        return redis.value(String.class).get(KEY).onFailure().recoverWithItem(failure -> {
            LOG.debugf("LLM switch not read, Redis did not answer: %s", failure.toString());
            return null;
        });
    }
}
