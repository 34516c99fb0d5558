package io.srecopilot.ai.llm;

/**
 * One answer of the LLM, or why there is none. {@code outcome} is {@code ok}, {@code timeout},
 * {@code server_error} (5xx after retries), {@code rejected} (4xx), or {@code error}; token
 * counts are zero when the model did not answer.
 */
public record Completion(String outcome, String text, String finishReason, int promptTokens, int completionTokens,
        String failure) {

    public static final String OK = "ok";

    static Completion answered(String text, String finishReason, int promptTokens, int completionTokens) {
        return new Completion(OK, text, finishReason, promptTokens, completionTokens, null);
    }

    static Completion failed(String outcome, String failure) {
        return new Completion(outcome, null, null, 0, 0, failure);
    }

    public boolean answered() {
        return OK.equals(outcome);
    }

    /** The model stopped at its token limit: the answer is cut off. */
    public boolean truncated() {
        return "LENGTH".equalsIgnoreCase(finishReason);
    }
}
