package io.srecopilot.ai.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.srecopilot.ai.reasoning.DeterministicReasoner;
import io.srecopilot.ai.reasoning.IncidentFacts;
import io.srecopilot.ai.reasoning.SignalFact;
import io.srecopilot.platform.domain.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PromptWriterTest {

    private static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");
    private static final UUID INCIDENT = UUID.fromString("7d2c1c2e-0000-4000-8000-000000000001");

    @Test
    void showsEveryAlertByIdWhenItFitsAndHashesIdenticalContextsAlike() {
        IncidentFacts facts = facts(3);
        LlmPrompt prompt = write(facts, 6000);

        assertEquals(0, prompt.omittedEvidence());
        facts.signals().forEach(signal -> assertTrue(prompt.text().contains("[" + signal.id() + "] signal on checkout")));
        assertEquals(prompt.contextHash(), write(facts, 6000).contextHash());
        assertNotEquals(prompt.contextHash(), write(facts(4), 6000).contextHash());
    }

    @Test
    void staysWithinItsTokenBudgetByLeavingTheLeastSevereAlertsOut() {
        LlmPrompt prompt = write(facts(400), 1000);

        assertTrue(prompt.estimatedTokens() <= 1000, "estimated " + prompt.estimatedTokens());
        assertTrue(prompt.omittedEvidence() > 300, "omitted " + prompt.omittedEvidence());
        assertTrue(prompt.text().contains(prompt.omittedEvidence() + " more piece(s) of evidence left out"));
        assertTrue(prompt.text().contains("critical"), "the critical alert comes first");
    }

    private static LlmPrompt write(IncidentFacts facts, int maxTokens) {
        return PromptWriter.write(facts, new DeterministicReasoner().evidence(facts), "gpt-4o", maxTokens);
    }

    private static IncidentFacts facts(int alerts) {
        List<SignalFact> signals = IntStream.range(0, alerts)
                .mapToObj(i -> new SignalFact(new UUID(0, i + 1L), "HighLatency" + i, "checkout",
                        i == alerts - 1 ? Severity.CRITICAL : Severity.LOW, "firing", T0.plusSeconds(i),
                        Map.of(), Map.of("summary", "p99 latency above 2 s on checkout pod " + i)))
                .toList();
        return new IncidentFacts(INCIDENT, "Checkout slow", "checkout", Severity.HIGH, T0, signals);
    }
}
