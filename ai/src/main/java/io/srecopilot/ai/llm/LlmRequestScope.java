package io.srecopilot.ai.llm;

import java.util.UUID;

/** Whose analysis wants the LLM: every request, cost and cache entry is kept under it. */
public record LlmRequestScope(UUID tenantId, UUID projectId, UUID incidentId, UUID analysisId) {
}
