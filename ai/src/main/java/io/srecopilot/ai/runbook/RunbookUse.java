package io.srecopilot.ai.runbook;

import java.time.Instant;
import java.util.UUID;

/** Someone followed a runbook on an incident. */
public record RunbookUse(UUID runbookId, UUID incidentId, String usedBy, Instant usedAt) {
}
