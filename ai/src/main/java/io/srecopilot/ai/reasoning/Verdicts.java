package io.srecopilot.ai.reasoning;

/** What people said of hypotheses of one kind (suspect service and category). */
public record Verdicts(long accepted, long rejected) {

    public static final Verdicts NONE = new Verdicts(0, 0);

    public boolean none() {
        return accepted + rejected == 0;
    }
}
