package io.srecopilot.auth.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A key for a machine, e.g. {@code {"name": "alertmanager", "scopes": ["ingest:write"]}}. */
public record CreateApiKeyRequest(
        @NotBlank @Size(max = 100) String name,
        @NotEmpty @Size(max = 10) List<@NotNull @Pattern(regexp = "ingest:write", message = "is not a known scope") String> scopes) {
}
