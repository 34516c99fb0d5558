package io.srecopilot.ai.runbook;

import java.util.List;
import java.util.UUID;

/**
 * A runbook recommended for a hypothesis: how well it matches (0–1) and why, how risky it is, how
 * often it was followed and the median time to resolve the learned incidents it was followed on.
 */
public record Recommendation(UUID runbookId, String title, String riskLevel, double score, List<String> reasons,
        long timesUsed, Long mttrSecondsSeen) {
}
