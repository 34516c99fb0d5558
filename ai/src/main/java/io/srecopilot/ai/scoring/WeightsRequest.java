package io.srecopilot.ai.scoring;

import io.srecopilot.ai.reasoning.ConfidenceWeights;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/** New weights for the five factors, each 0–1, together 1. */
public record WeightsRequest(
        @NotNull @DecimalMin("0") @DecimalMax("1") Double signalStrength,
        @NotNull @DecimalMin("0") @DecimalMax("1") Double temporalCorrelation,
        @NotNull @DecimalMin("0") @DecimalMax("1") Double precedentFrequency,
        @NotNull @DecimalMin("0") @DecimalMax("1") Double evidenceQuality,
        @NotNull @DecimalMin("0") @DecimalMax("1") Double humanValidation) {

    ConfidenceWeights weights() {
        return new ConfidenceWeights(signalStrength, temporalCorrelation, precedentFrequency, evidenceQuality,
                humanValidation);
    }
}
