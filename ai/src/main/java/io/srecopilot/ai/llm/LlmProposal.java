package io.srecopilot.ai.llm;

import io.srecopilot.ai.reasoning.ProposedHypothesis;
import java.util.List;

/**
 * What the LLM step of an analysis produced: the proposals (empty when the LLM was not used or
 * failed) and, for the analysis' record, how it went ({@code completed}, {@code cached},
 * {@code skipped}, {@code over_budget}, {@code fallback}) and why.
 */
public record LlmProposal(String status, List<ProposedHypothesis> proposals, String detail) {

    static LlmProposal skipped(String why) {
        return new LlmProposal("skipped", List.of(), why);
    }
}
