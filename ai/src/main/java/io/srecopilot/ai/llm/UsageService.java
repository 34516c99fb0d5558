package io.srecopilot.ai.llm;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.audit.ChangeRecorder;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.ResourceRef;
import io.srecopilot.platform.events.catalog.EventTypes;
import io.srecopilot.platform.outbox.Outbox;
import io.srecopilot.platform.problem.FieldError;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.problem.ProblemType;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.security.Caller;
import io.srecopilot.platform.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Who used the LLM how much, and the tenant's budget, which only its owners change. */
@ApplicationScoped
public class UsageService {

    static final Duration LONGEST_RANGE = Duration.ofDays(366);
    /** Each grouping expression is a fixed column, never text from the request. */
    private static final Map<String, String> GROUPS = Map.of("day", "to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')",
            "project", "CAST(project_id AS text)", "model", "model");

    private final LlmBudget budget;
    private final Outbox outbox;
    private final EventCodec codec;
    private final ChangeRecorder audited;

    public UsageService(LlmBudget budget, Outbox outbox, EventCodec codec, ChangeRecorder audited) {
        this.audited = audited;
        this.budget = budget;
        this.outbox = outbox;
        this.codec = codec;
    }

    public Uni<UsageReport> report(Caller caller, Instant from, Instant to) {
        Instant end = to != null ? to : Timestamps.now();
        Instant start = from != null ? from : LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).atStartOfDay()
                .toInstant(ZoneOffset.UTC);
        if (!start.isBefore(end) || Duration.between(start, end).compareTo(LONGEST_RANGE) > 0) {
            throw new ProblemException(ProblemType.VALIDATION, "The query is not valid",
                    List.of(new FieldError("from", "must be before 'to', at most 366 days earlier")));
        }
        UUID project = caller.role() == Role.OWNER ? null : caller.projectId();
        return Panache.withSession(() -> usage("day", caller.tenantId(), project, start, end)
                .chain(byDay -> usage("project", caller.tenantId(), project, start, end)
                        .chain(byProject -> usage("model", caller.tenantId(), project, start, end)
                                .chain(byModel -> budget.state(caller.tenantId())
                                        .map(state -> new UsageReport(project == null ? "tenant" : "project", start, end,
                                                UsageReport.BudgetView.of(state), byDay, byProject, byModel))))));
    }

    /** Sets the tenant's monthly budget (owners only); announced for the audit trail. */
    public Uni<UsageReport.BudgetView> setBudget(Caller caller, BigDecimal monthlyUsd) {
        return Panache.withTransaction(() -> budget.state(caller.tenantId())
                .invoke(before -> audited.before(UsageReport.BudgetView.of(before)))
                .chain(Panache::getSession).chain(session -> session.createNativeQuery("""
                INSERT INTO llm_budget (tenant_id, monthly_usd, updated_at, updated_by) VALUES (:tenant, :usd, :at, :by)
                ON CONFLICT (tenant_id) DO UPDATE SET monthly_usd = EXCLUDED.monthly_usd,
                    updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""")
                .setParameter("tenant", caller.tenantId()).setParameter("usd", monthlyUsd)
                .setParameter("at", Timestamps.now()).setParameter("by", caller.actor().id()).executeUpdate())
                .chain(() -> budget.state(caller.tenantId()))
                .call(state -> outbox.append(EventEnvelope.create(EventTypes.LLM_BUDGET_UPDATED, caller.tenantId(),
                        caller.projectId(), caller.actor(), new ResourceRef("tenant", caller.tenantId().toString()),
                        codec.toData(UsageReport.BudgetView.of(state))))))
                .map(UsageReport.BudgetView::of);
    }

    private Uni<List<UsageReport.Usage>> usage(String group, UUID tenantId, UUID projectId, Instant from, Instant to) {
        String key = GROUPS.get(group);
        String sql = "SELECT " + key + ", COUNT(*), COUNT(*) FILTER (WHERE cache_hit),"
                + " COUNT(*) FILTER (WHERE outcome NOT IN ('ok', 'cached')), COALESCE(SUM(prompt_tokens), 0),"
                + " COALESCE(SUM(completion_tokens), 0), COALESCE(SUM(cost_usd), 0) FROM ai_request"
                + " WHERE tenant_id = :tenant AND (CAST(:project AS uuid) IS NULL OR project_id = CAST(:project AS uuid))"
                + " AND created_at >= :from AND created_at < :to GROUP BY 1 ORDER BY 1";
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, Object[].class)
                .setParameter("tenant", tenantId).setParameter("project", projectId == null ? null : projectId.toString())
                .setParameter("from", from).setParameter("to", to).getResultList())
                .map(rows -> rows.stream().map(row -> new UsageReport.Usage(String.valueOf(row[0]), number(row[1]),
                        number(row[2]), number(row[3]), number(row[4]), number(row[5]), (BigDecimal) row[6])).toList());
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
