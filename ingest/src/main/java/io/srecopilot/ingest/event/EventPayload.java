package io.srecopilot.ingest.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** What a triggering event says happened (PagerDuty Events API v2 {@code payload}). */
public record EventPayload(
        @NotBlank @Size(max = 1_024) String summary,
        @NotBlank @Size(max = 255) String source,
        @NotNull @Pattern(regexp = "critical|error|warning|info", message = "must be critical, error, warning or info")
        String severity,
        Instant timestamp,
        @Size(max = 255) String component,
        @Size(max = 255) String group,
        @JsonProperty("class") @Size(max = 255) String eventClass,
        @JsonProperty("custom_details") JsonNode customDetails) {
}
