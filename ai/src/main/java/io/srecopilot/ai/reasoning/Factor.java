package io.srecopilot.ai.reasoning;

/** One term of a confidence score: how strongly this factor holds (0–1), what it weighs, and why. */
public record Factor(String name, double score, double weight, String reason) {

    public double contribution() {
        return score * weight;
    }
}
