package io.srecopilot.ai.scoring;

import io.srecopilot.ai.reasoning.ConfidenceWeights;
import java.time.Instant;

/** The weights analyses of the project use; {@code custom} false means the defaults. */
public record WeightsView(double signalStrength, double temporalCorrelation, double precedentFrequency,
        double evidenceQuality, double humanValidation, boolean custom, Instant updatedAt, String updatedBy) {

    static WeightsView of(ScoringWeights stored) {
        ConfidenceWeights weights = stored == null ? ConfidenceWeights.DEFAULT : stored.weights;
        return new WeightsView(weights.signalStrength(), weights.temporalCorrelation(), weights.precedentFrequency(),
                weights.evidenceQuality(), weights.humanValidation(), stored != null,
                stored == null ? null : stored.updatedAt, stored == null ? null : stored.updatedBy);
    }
}
