package io.srecopilot.ai.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.output.TokenUsage;
import dev.langchain4j.service.Result;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The one place ai talks to Azure OpenAI. Each attempt is bounded by a timeout; a 5xx is tried
 * again after a jittered pause (langchain4j already tries every failure twice, so a failing Azure
 * sees four attempts); any failure falls back to "no candidates", so the
 * deterministic reasoner carries the analysis alone. Blocking: call it from a worker thread.
 * The bounds can be tuned with MicroProfile Fault Tolerance properties, e.g.
 * {@code io.srecopilot.ai.llm.LlmGateway/complete/Timeout/value}.
 */
@ApplicationScoped
public class LlmGateway {

    private final HypothesisWriter writer;

    public LlmGateway(HypothesisWriter writer) {
        this.writer = writer;
    }

    @Timeout(15_000)
    @Retry(maxRetries = 1, delay = 300, jitter = 200, retryOn = LlmServerError.class)
    @Fallback(CompletionFallback.class)
    public Completion complete(LlmPrompt prompt) {
        Result<String> result;
        try {
            result = writer.propose(prompt.text());
        } catch (HttpException e) {
            if (e.statusCode() >= 500) {
                throw new LlmServerError(e.statusCode(), e.getMessage());
            }
            throw e;
        }
        TokenUsage usage = result.tokenUsage();
        return Completion.answered(result.content(), result.finishReason() == null ? null : result.finishReason().name(),
                usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount(),
                usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount());
    }
}
