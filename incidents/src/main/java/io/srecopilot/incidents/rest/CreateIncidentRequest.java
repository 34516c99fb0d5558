package io.srecopilot.incidents.rest;

import io.srecopilot.platform.domain.Severity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;

/** An incident declared by a person; {@code startedAt} (when it began, maybe earlier) defaults to now. */
public record CreateIncidentRequest(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 10_000) String description,
        @Size(max = 100) String service,
        @NotNull Severity severity,
        @PastOrPresent Instant startedAt,
        Map<String, String> labels) {
}
