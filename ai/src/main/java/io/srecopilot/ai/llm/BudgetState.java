package io.srecopilot.ai.llm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/** A tenant's LLM spending in a calendar month (UTC) against its budget. */
public record BudgetState(LocalDate month, BigDecimal budgetUsd, BigDecimal spentUsd) {

    /** Spent share of the budget in percent; a zero budget is exhausted from the start. */
    public int percent() {
        if (budgetUsd.signum() == 0) {
            return 100;
        }
        return spentUsd.multiply(BigDecimal.valueOf(100)).divide(budgetUsd, 0, RoundingMode.FLOOR).intValue();
    }

    /** The hard cap: from here on analyses are deterministic only. */
    public boolean exhausted() {
        return spentUsd.compareTo(budgetUsd) >= 0;
    }
}
