package io.srecopilot.ai.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.srecopilot.ai.reasoning.DeterministicReasoner;
import io.srecopilot.ai.reasoning.IncidentFacts;
import io.srecopilot.platform.domain.Severity;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Switched off or without a key, the LLM is never asked: not the gateway, the cache or the budget. */
class KillSwitchTest {

    private static final IncidentFacts FACTS = new IncidentFacts(UUID.randomUUID(), "Checkout errors", "checkout",
            Severity.HIGH, Instant.parse("2026-11-23T06:00:00Z"), List.of());

    @Test
    void theKillSwitchWinsOverAConfiguredKey() {
        LlmProposal proposal = candidates(false, "a-real-key").propose(scope(), FACTS,
                new DeterministicReasoner().evidence(FACTS)).await().indefinitely();

        assertEquals("skipped", proposal.status());
        assertTrue(proposal.detail().contains("switched off"));
        assertEquals(List.of(), proposal.proposals());
    }

    @Test
    void withoutAKeyTheDeterministicReasonerWorksAlone() {
        LlmProposal proposal = candidates(true, "not-configured").propose(scope(), FACTS,
                new DeterministicReasoner().evidence(FACTS)).await().indefinitely();

        assertEquals("skipped", proposal.status());
        assertTrue(proposal.detail().contains("no Azure OpenAI key"));
    }

    private static LlmCandidates candidates(boolean enabled, String key) {
        // Nothing else may be touched: null collaborators fail the test if they are.
        return new LlmCandidates(settings(enabled, key), null, null, null, null, null);
    }

    private static LlmRequestScope scope() {
        return new LlmRequestScope(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    }

    private static LlmSettings settings(boolean enabled, String key) {
        return new LlmSettings() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public String apiKey() {
                return key;
            }

            @Override
            public String model() {
                return "gpt-4o";
            }

            @Override
            public int maxPromptTokens() {
                return 6000;
            }

            @Override
            public int maxCompletionTokens() {
                return 1000;
            }

            @Override
            public BigDecimal monthlyBudgetUsd() {
                return BigDecimal.TEN;
            }

            @Override
            public Duration cacheTtl() {
                return Duration.ofHours(1);
            }

            @Override
            public Map<String, Price> prices() {
                return Map.of();
            }
        };
    }
}
