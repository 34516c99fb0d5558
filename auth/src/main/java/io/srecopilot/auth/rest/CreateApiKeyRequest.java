package io.srecopilot.auth.rest;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * A key for a machine, e.g. {@code {"name": "alertmanager", "scopes": ["ingest:write"]}}: scopes
 * {@code ingest:write} (send alerts and events) and {@code read} (read as a viewer would), and an
 * optional expiry.
 */
public record CreateApiKeyRequest(
        @NotBlank @Size(max = 100) String name,
        @NotEmpty @Size(max = 10) List<@NotNull @Pattern(regexp = "ingest:write|read", message = "is not a known scope") String> scopes,
        @Future Instant expiresAt) {
}
