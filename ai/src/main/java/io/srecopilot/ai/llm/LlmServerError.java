package io.srecopilot.ai.llm;

/** The LLM's endpoint answered 5xx: worth another try, unlike a 4xx. */
public class LlmServerError extends RuntimeException {

    public LlmServerError(int status, String body) {
        super("Azure OpenAI answered " + status + (body == null || body.isBlank() ? "" : ": " + abbreviate(body)));
    }

    private static String abbreviate(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }
}
