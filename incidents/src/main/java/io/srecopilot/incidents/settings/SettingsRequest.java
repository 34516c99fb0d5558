package io.srecopilot.incidents.settings;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How the project correlates: the window (1 minute to 1 day) in which a new alert group of the
 * same service joins an open incident and a re-fire reopens a resolved one; and whether an
 * incident resolves when all its alert groups have.
 */
public record SettingsRequest(@NotNull @Min(60) @Max(86_400) Integer correlationWindowSeconds,
        @NotNull Boolean autoResolve) {
}
