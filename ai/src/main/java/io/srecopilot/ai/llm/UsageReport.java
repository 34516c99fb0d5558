package io.srecopilot.ai.llm;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * LLM usage over a time range, by day, project and model, beside the tenant's budget this month.
 * {@code scope} is "project" for admins (their project only) and "tenant" for owners.
 */
public record UsageReport(String scope, Instant from, Instant to, BudgetView budget, List<Usage> byDay,
        List<Usage> byProject, List<Usage> byModel) {

    /** One group: its key (a day, a project id or a model name) and what it used and cost. */
    public record Usage(String key, long requests, long cacheHits, long failures, long promptTokens,
            long completionTokens, BigDecimal costUsd) {
    }

    public record BudgetView(String month, BigDecimal budgetUsd, BigDecimal spentUsd, int percent, boolean exhausted) {

        static BudgetView of(BudgetState state) {
            return new BudgetView(state.month().toString().substring(0, 7), state.budgetUsd(), state.spentUsd(),
                    state.percent(), state.exhausted());
        }
    }
}
