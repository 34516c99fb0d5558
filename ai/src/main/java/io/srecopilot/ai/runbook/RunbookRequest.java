package io.srecopilot.ai.runbook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A runbook as an admin writes it. */
public record RunbookRequest(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 2_000) String description,
        @NotBlank @Size(max = 20_000) String steps,
        @Size(max = 20) List<@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9_.:-]{0,49}",
                message = "must be lower-case letters, digits, '_', '.', ':' or '-', at most 50") String> tags,
        @Size(max = 20) List<@NotBlank @Size(max = 100) String> services,
        @Size(max = 20) List<@NotNull @Pattern(regexp = "[A-Za-z0-9_:.*?-]{1,100}",
                message = "must be an alert name with * or ? wildcards, at most 100 characters") String> alertPatterns,
        @NotNull @Pattern(regexp = "low|medium|high", message = "must be low, medium or high") String riskLevel) {
}
