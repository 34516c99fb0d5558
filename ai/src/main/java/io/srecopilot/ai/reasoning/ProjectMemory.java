package io.srecopilot.ai.reasoning;

import io.srecopilot.ai.precedent.Precedent;
import java.util.List;
import java.util.Map;

/**
 * What a project has learned and set that analyses weigh: its learned incidents
 * ({@code precedents}), people's verdicts on hypotheses by kind ({@link #kind(String, String)}),
 * the weights of the confidence factors, and the curve that turns their weighted sum into a
 * probability, fitted to the project's judged hypotheses ({@code calibration}).
 */
public record ProjectMemory(List<Precedent> precedents, Map<String, Verdicts> verdicts, ConfidenceWeights weights,
        ConfidenceCalibration.Curve calibration) {

    public static final ProjectMemory EMPTY = new ProjectMemory(List.of(), Map.of(), ConfidenceWeights.DEFAULT,
            ConfidenceCalibration.PRIOR);

    public ProjectMemory {
        precedents = precedents == null ? List.of() : List.copyOf(precedents);
        verdicts = verdicts == null ? Map.of() : Map.copyOf(verdicts);
        weights = weights == null ? ConfidenceWeights.DEFAULT : weights;
        calibration = calibration == null ? ConfidenceCalibration.PRIOR : calibration;
    }

    public ProjectMemory(List<Precedent> precedents, Map<String, Verdicts> verdicts, ConfidenceWeights weights) {
        this(precedents, verdicts, weights, ConfidenceCalibration.PRIOR);
    }

    public ProjectMemory(List<Precedent> precedents, Map<String, Verdicts> verdicts) {
        this(precedents, verdicts, ConfidenceWeights.DEFAULT);
    }

    public static String kind(String service, String category) {
        return (service == null ? "" : service) + "\u0000" + category;
    }

    Verdicts verdictsOn(String service, Category category) {
        return verdicts.getOrDefault(kind(service, category.value()), Verdicts.NONE);
    }
}
