package io.srecopilot.ai.llm;

/**
 * What the LLM is shown about one incident: the text, its estimated size in tokens, how many
 * pieces of evidence were left out to stay within the token budget, and the hash that identifies
 * identical contexts for the cache.
 */
public record LlmPrompt(String text, int estimatedTokens, int omittedEvidence, String contextHash) {

    public boolean cut() {
        return omittedEvidence > 0;
    }
}
