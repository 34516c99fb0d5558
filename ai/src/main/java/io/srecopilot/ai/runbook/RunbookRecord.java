package io.srecopilot.ai.runbook;

/** A runbook with how often it was followed and the median time to resolve when it was (null: never learned). */
public record RunbookRecord(Runbook runbook, long timesUsed, Long medianMttrSeconds) {
}
