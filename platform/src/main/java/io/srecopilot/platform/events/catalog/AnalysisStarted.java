package io.srecopilot.platform.events.catalog;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/** {@code analysis.started}, from ai to the live view and the audit trail. */
@RegisterForReflection
public record AnalysisStarted(UUID analysisId, UUID incidentId, String reasoner, String origin) {
}
