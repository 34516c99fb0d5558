package io.srecopilot.ai.runbook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A runbook as the API shows it. */
public record RunbookView(UUID id, String title, String description, String steps, List<String> tags,
        List<String> services, List<String> alertPatterns, String riskLevel, Instant createdAt, Instant updatedAt,
        long version) {

    public static RunbookView of(Runbook runbook) {
        return new RunbookView(runbook.id, runbook.title, runbook.description, runbook.steps, runbook.matching.tags(),
                runbook.matching.services(), runbook.matching.alertPatterns(), runbook.riskLevel, runbook.createdAt,
                runbook.updatedAt, runbook.version);
    }
}
