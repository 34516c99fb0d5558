package io.srecopilot.ingest.change;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A change as CI/CD pipelines report it. {@code externalId} (a pipeline run id, say) makes a
 * retried report recognisable; without it a change is identified by what it says.
 */
public record ChangeRequest(
        @Pattern(regexp = "deploy|config|feature_flag|infrastructure",
                message = "must be deploy, config, feature_flag or infrastructure") String type,
        @NotBlank @Size(max = 255) String service,
        @Size(max = 64) String environment,
        @Size(max = 255) String version,
        @Pattern(regexp = "[0-9a-fA-F]{7,64}", message = "must be a commit hash of 7 to 64 hex digits") String commit,
        @Size(max = 255) String author,
        @Size(max = 4_096) String description,
        @Size(max = 2_048) @Pattern(regexp = "https?://.+", message = "must be an http(s) URL") String url,
        Instant deployedAt,
        @Size(max = 255) String externalId) {
}
