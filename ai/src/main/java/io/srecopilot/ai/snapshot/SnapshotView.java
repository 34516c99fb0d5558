package io.srecopilot.ai.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** A snapshot as the API shows it; {@code sha256} is of the stored text, which {@code verified} re-checks. */
public record SnapshotView(UUID analysisId, UUID incidentId, Instant takenAt, String sha256, boolean verified,
        JsonNode snapshot) {
}
