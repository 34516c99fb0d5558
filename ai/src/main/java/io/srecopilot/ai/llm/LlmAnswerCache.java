package io.srecopilot.ai.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.rest.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Answers for contexts already seen, so that re-running an analysis with nothing new costs
 * nothing: Redis first (shared by replicas, expiring), then PostgreSQL (kept, and copied back to
 * Redis). Redis failing only makes the cache colder; it never fails an analysis.
 */
@ApplicationScoped
public class LlmAnswerCache {

    private static final Logger LOG = Logger.getLogger(LlmAnswerCache.class);

    private final ReactiveRedisDataSource redis;
    private final ObjectMapper json;
    private final LlmSettings settings;

    public LlmAnswerCache(ReactiveRedisDataSource redis, ObjectMapper json, LlmSettings settings) {
        this.redis = redis;
        this.json = json;
        this.settings = settings;
    }

    /** Joins the caller's session. */
    public Uni<Optional<ProposedHypotheses>> find(UUID tenantId, String contextHash) {
        return fromRedis(tenantId, contextHash)
                .chain(hot -> hot.isPresent() ? Uni.createFrom().item(hot) : fromDatabase(tenantId, contextHash)
                        .call(stored -> stored.map(found -> toRedis(tenantId, contextHash, found))
                                .orElseGet(Uni.createFrom()::voidItem)));
    }

    /** Joins the caller's transaction. */
    public Uni<Void> store(UUID tenantId, String contextHash, String model, ProposedHypotheses answer) {
        String text = write(answer);
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                INSERT INTO llm_answer (tenant_id, context_hash, model, proposals, created_at)
                VALUES (:tenant, :hash, :model, CAST(:proposals AS jsonb), :at)
                ON CONFLICT (tenant_id, context_hash) DO UPDATE
                SET proposals = EXCLUDED.proposals, model = EXCLUDED.model, created_at = EXCLUDED.created_at""")
                .setParameter("tenant", tenantId).setParameter("hash", contextHash).setParameter("model", model)
                .setParameter("proposals", text).setParameter("at", Timestamps.now()).executeUpdate())
                .chain(() -> toRedis(tenantId, contextHash, answer));
    }

    private Uni<Optional<ProposedHypotheses>> fromDatabase(UUID tenantId, String contextHash) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                SELECT CAST(proposals AS text) FROM llm_answer
                WHERE tenant_id = :tenant AND context_hash = :hash AND created_at > :since""", String.class)
                .setParameter("tenant", tenantId).setParameter("hash", contextHash)
                .setParameter("since", Timestamps.now().minus(settings.cacheTtl()))
                .getResultList())
                .map(rows -> rows.isEmpty() ? Optional.empty() : ProposalParser.parse(rows.get(0)));
    }

    private Uni<Optional<ProposedHypotheses>> fromRedis(UUID tenantId, String contextHash) {
        return redis.value(String.class).get(key(tenantId, contextHash))
                .map(text -> text == null ? Optional.<ProposedHypotheses>empty() : ProposalParser.parse(text))
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("LLM answer cache not read from Redis: %s", failure.toString());
                    return Optional.empty();
                });
    }

    private Uni<Void> toRedis(UUID tenantId, String contextHash, ProposedHypotheses answer) {
        return redis.value(String.class).setex(key(tenantId, contextHash), settings.cacheTtl().toSeconds(), write(answer))
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("LLM answer not cached in Redis: %s", failure.toString());
                    return null;
                });
    }

    private String write(ProposedHypotheses answer) {
        try {
            return json.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Proposals are plain records and always serialise", e);
        }
    }

    private static String key(UUID tenantId, String contextHash) {
        return "sre:ai:llm-answer:" + tenantId + ":" + contextHash;
    }
}
