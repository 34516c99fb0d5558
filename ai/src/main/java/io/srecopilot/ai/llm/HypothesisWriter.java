package io.srecopilot.ai.llm;

import dev.langchain4j.service.Result;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import io.quarkiverse.langchain4j.RegisterAiService;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The LLM asked for root-cause candidates. It answers JSON (the deployment is asked for a JSON
 * object) which {@link ProposalParser} reads, so that a truncated or malformed answer is seen as
 * such, with its finish reason and token counts, instead of failing inside the framework.
 *
 * <p>Application-scoped and without chat memory: every analysis is one self-contained exchange,
 * and analyses run outside any HTTP request (from the event stream).
 */
@RegisterAiService(chatMemoryProviderSupplier = RegisterAiService.NoChatMemoryProviderSupplier.class)
@ApplicationScoped
public interface HypothesisWriter {

    @SystemMessage("""
            You are an SRE investigating a production incident. From the evidence listed by the user,
            propose up to 5 root-cause hypotheses. Each names the suspect service (a service named in the
            evidence), a category (one of: config, change, saturation, dependency, availability, latency,
            errors, traffic, unknown), a one-sentence claim, a short description of the reasoning, and the ids of the
            evidence it rests on, copied exactly from the list. Cite only listed ids; never invent one.
            Do not give confidences or probabilities. Answer with one JSON object and nothing else:
            {"hypotheses":[{"claim":"…","description":"…","suspectService":"…","category":"…",
            "evidenceIds":["…"]}]}""")
    Result<String> propose(@UserMessage String context);
}
