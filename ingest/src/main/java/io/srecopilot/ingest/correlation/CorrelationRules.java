package io.srecopilot.ingest.correlation;

import io.quarkus.cache.CacheInvalidate;
import io.quarkus.cache.CacheKey;
import io.quarkus.cache.CacheResult;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.audit.ChangeRecorder;
import io.srecopilot.platform.persistence.UniqueViolations;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.security.Caller;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The project's correlation rules. The write path reads them from a short-lived cache
 * ({@code quarkus.cache.caffeine."sre-correlation-rules"}): a change applies at once on this
 * replica and within the cache's lifetime on the others.
 */
@ApplicationScoped
public class CorrelationRules {

    static final String CACHE = "sre-correlation-rules";
    private static final String ACTIVE = """
            SELECT id, name, label_names, window_seconds FROM correlation_rule
             WHERE project_id = $1 AND enabled ORDER BY priority, name""";
    private static final int DEFAULT_PRIORITY = 100;

    private final Pool pool;
    private final ChangeRecorder audited;

    public CorrelationRules(Pool pool, ChangeRecorder audited) {
        this.pool = pool;
        this.audited = audited;
    }

    /**
     * On the SQL client rather than a Hibernate session: the write path and the poller call this
     * from concurrent work that must not share a session.
     */
    @CacheResult(cacheName = CACHE)
    public Uni<List<ActiveRule>> active(@CacheKey UUID projectId) {
        return pool.preparedQuery(ACTIVE).execute(Tuple.of(projectId)).map(rows -> {
            List<ActiveRule> active = new ArrayList<>();
            rows.forEach(row -> active.add(new ActiveRule(row.getUUID("id"), row.getString("name"),
                    List.of(row.getArrayOfStrings("label_names")), row.getInteger("window_seconds"))));
            return active;
        });
    }

    @WithSession
    public Uni<List<CorrelationRuleView>> list(Caller caller) {
        return CorrelationRule.<CorrelationRule>find("tenantId = ?1 and projectId = ?2 order by priority, name",
                caller.tenantId(), caller.projectId()).list()
                .map(rules -> rules.stream().map(CorrelationRuleView::of).toList());
    }

    @WithTransaction
    @CacheInvalidate(cacheName = CACHE)
    public Uni<CorrelationRuleView> create(@CacheKey UUID projectId, Caller caller, CorrelationRuleRequest request) {
        CorrelationRule rule = new CorrelationRule();
        rule.id = UUID.randomUUID();
        rule.tenantId = caller.tenantId();
        rule.projectId = caller.projectId();
        rule.createdAt = Timestamps.now();
        apply(rule, request, rule.createdAt);
        return persistUnique(rule);
    }

    @WithTransaction
    @CacheInvalidate(cacheName = CACHE)
    public Uni<CorrelationRuleView> update(@CacheKey UUID projectId, Caller caller, UUID id,
            CorrelationRuleRequest request) {
        return find(caller, id).chain(rule -> {
            audited.before(CorrelationRuleView.of(rule));
            apply(rule, request, Timestamps.now());
            return persistUnique(rule);
        });
    }

    @WithTransaction
    @CacheInvalidate(cacheName = CACHE)
    public Uni<Void> delete(@CacheKey UUID projectId, Caller caller, UUID id) {
        return find(caller, id).invoke(rule -> audited.before(CorrelationRuleView.of(rule)))
                .chain(CorrelationRule::delete);
    }

    private static Uni<CorrelationRule> find(Caller caller, UUID id) {
        return CorrelationRule.<CorrelationRule>find("id = ?1 and tenantId = ?2 and projectId = ?3", id,
                caller.tenantId(), caller.projectId()).firstResult().map(rule -> {
                    if (rule == null) {
                        throw ProblemException.notFound("correlation rule", id);
                    }
                    return rule;
                });
    }

    private static void apply(CorrelationRule rule, CorrelationRuleRequest request, Instant now) {
        rule.name = request.name().trim();
        rule.labelNames = request.labelNames().stream().distinct().sorted().toList();
        rule.windowSeconds = request.windowSeconds();
        rule.priority = request.priority() == null ? DEFAULT_PRIORITY : request.priority();
        rule.enabled = request.enabled() == null || request.enabled();
        rule.updatedAt = now;
    }

    private static Uni<CorrelationRuleView> persistUnique(CorrelationRule rule) {
        return rule.<CorrelationRule>persistAndFlush().map(CorrelationRuleView::of)
                .onFailure(UniqueViolations::isUniqueViolation).transform(e -> ProblemException.conflict(
                        "A correlation rule named '" + rule.name + "' exists already in this project"));
    }
}
