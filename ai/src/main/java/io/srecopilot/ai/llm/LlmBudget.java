package io.srecopilot.ai.llm;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.ResourceRef;
import io.srecopilot.platform.events.catalog.EventTypes;
import io.srecopilot.platform.outbox.Outbox;
import io.srecopilot.platform.rest.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Each tenant's monthly LLM budget, a hard cap: a call is made only when even its largest possible
 * cost (the prompt plus the longest answer asked for) fits in what is left. Crossing 80 % and
 * 100 % is announced once a month each, as {@code llm.budget.reached}.
 */
@ApplicationScoped
public class LlmBudget {

    static final List<Integer> THRESHOLDS = List.of(80, 100);

    private final LlmSettings settings;
    private final Outbox outbox;
    private final EventCodec codec;
    private final MeterRegistry registry;

    public LlmBudget(LlmSettings settings, Outbox outbox, EventCodec codec, MeterRegistry registry) {
        this.settings = settings;
        this.outbox = outbox;
        this.codec = codec;
        this.registry = registry;
    }

    /** Joins the caller's session. */
    public Uni<BudgetState> state(UUID tenantId) {
        LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                SELECT COALESCE((SELECT monthly_usd FROM llm_budget WHERE tenant_id = :tenant), :default),
                       COALESCE((SELECT SUM(cost_usd) FROM ai_request
                                 WHERE tenant_id = :tenant AND created_at >= :month), 0)""", Object[].class)
                .setParameter("tenant", tenantId).setParameter("default", settings.monthlyBudgetUsd())
                .setParameter("month", month.atStartOfDay().toInstant(ZoneOffset.UTC))
                .getSingleResult())
                .map(row -> new BudgetState(month, (BigDecimal) row[0], (BigDecimal) row[1]));
    }

    /** Whether a call of this size still fits the budget. */
    public boolean allows(BudgetState state, int promptTokens) {
        BigDecimal largest = settings.costOf(settings.model(), promptTokens, settings.maxCompletionTokens());
        return state.spentUsd().add(largest).compareTo(state.budgetUsd()) <= 0;
    }

    /** Announces each threshold the tenant's spending has reached and that was not announced yet. */
    public Uni<Void> announceReached(UUID tenantId, UUID projectId) {
        return state(tenantId).chain(state -> {
            Uni<Void> all = Uni.createFrom().voidItem();
            for (int threshold : THRESHOLDS) {
                if (state.percent() >= threshold) {
                    all = all.call(() -> announceOnce(tenantId, projectId, state, threshold));
                }
            }
            return all;
        });
    }

    private Uni<Void> announceOnce(UUID tenantId, UUID projectId, BudgetState state, int threshold) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                INSERT INTO llm_budget_notice (tenant_id, month, threshold, announced_at)
                VALUES (:tenant, :month, :threshold, :at) ON CONFLICT DO NOTHING""")
                .setParameter("tenant", tenantId).setParameter("month", state.month())
                .setParameter("threshold", threshold).setParameter("at", Timestamps.now()).executeUpdate())
                .invoke(inserted -> {
                    if (inserted > 0) {
                        Counter.builder("sre.llm.budget.reached").tag("threshold", Integer.toString(threshold))
                                .description("Tenants whose LLM spending reached a threshold of their monthly budget")
                                .register(registry).increment();
                    }
                })
                .chain(inserted -> inserted == 0 ? Uni.createFrom().voidItem()
                        : outbox.append(EventEnvelope.create(EventTypes.LLM_BUDGET_REACHED, tenantId, projectId,
                                Actor.system("ai"), new ResourceRef("tenant", tenantId.toString()),
                                codec.toData(new Reached(threshold, state.month(), state.spentUsd(),
                                        state.budgetUsd())))));
    }

    @RegisterForReflection // serialized by Jackson outside REST: a native image must keep its accessors
    record Reached(int threshold, LocalDate month, BigDecimal spentUsd, BigDecimal budgetUsd) {
    }
}
