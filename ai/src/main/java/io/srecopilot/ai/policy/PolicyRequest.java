package io.srecopilot.ai.policy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A policy as an admin writes it; the condition is checked by {@link PolicyExpression}. */
public record PolicyRequest(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 2_000) String description,
        @NotBlank String condition,
        @NotEmpty @Size(max = 10) List<@Valid @NotNull PolicyAction> actions,
        @Pattern(regexp = "shadow|enforce", message = "must be shadow or enforce") String mode,
        Boolean enabled,
        @Min(0) @Max(10_000) Integer priority) {
}
