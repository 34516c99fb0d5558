package io.srecopilot.ingest.correlation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A rule as admins write it; {@code priority} (default 100) orders rules, lowest first. */
public record CorrelationRuleRequest(
        @NotBlank @Size(max = 100) String name,
        @NotEmpty @Size(max = 10) List<@NotNull @Pattern(regexp = "[a-zA-Z_][a-zA-Z0-9_]*",
                message = "must be a Prometheus label name") String> labelNames,
        @NotNull @Min(60) @Max(86_400) Integer windowSeconds,
        @Min(0) @Max(10_000) Integer priority,
        Boolean enabled) {
}
