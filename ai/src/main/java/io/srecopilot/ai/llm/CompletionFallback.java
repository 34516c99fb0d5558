package io.srecopilot.ai.llm;

import dev.langchain4j.exception.HttpException;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/** Whatever went wrong with the LLM, the analysis goes on without it; the outcome says what it was. */
public class CompletionFallback implements FallbackHandler<Completion> {

    @Override
    public Completion handle(ExecutionContext context) {
        Throwable failure = context.getFailure();
        return Completion.failed(outcomeOf(failure), String.valueOf(failure.getMessage()));
    }

    static String outcomeOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof java.util.concurrent.TimeoutException
                    || cause instanceof java.net.SocketTimeoutException
                    || cause instanceof dev.langchain4j.exception.TimeoutException) {
                return "timeout";
            }
            if (cause instanceof LlmServerError) {
                return "server_error";
            }
            if (cause instanceof HttpException http) {
                return http.statusCode() >= 500 ? "server_error" : "rejected";
            }
        }
        return "error";
    }
}
