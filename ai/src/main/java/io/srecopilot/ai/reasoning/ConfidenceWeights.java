package io.srecopilot.ai.reasoning;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Locale;

/**
 * What each factor of a confidence weighs in a project. The defaults are the issue's: signal
 * strength 0.25, temporal correlation 0.20, precedent frequency 0.20, evidence quality 0.20,
 * human validation 0.15; a project's admins may set others that add up to 1, so that confidences
 * stay comparable with thresholds such as the policies' 0.85.
 */
@RegisterForReflection
public record ConfidenceWeights(double signalStrength, double temporalCorrelation, double precedentFrequency,
        double evidenceQuality, double humanValidation) {

    public static final ConfidenceWeights DEFAULT = new ConfidenceWeights(0.25, 0.20, 0.20, 0.20, 0.15);
    static final double TOLERANCE = 0.001;

    public double sum() {
        return signalStrength + temporalCorrelation + precedentFrequency + evidenceQuality + humanValidation;
    }

    /** Null when these weights can be used, else what is wrong with them. */
    public String problem() {
        for (double weight : new double[] { signalStrength, temporalCorrelation, precedentFrequency, evidenceQuality,
                humanValidation }) {
            if (!(weight >= 0 && weight <= 1)) {
                return "every weight must be between 0 and 1";
            }
        }
        return Math.abs(sum() - 1) <= TOLERANCE ? null
                : String.format(Locale.ROOT, "the weights must add up to 1, they add up to %.3f", sum());
    }
}
