package io.srecopilot.ai.reasoning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.srecopilot.platform.domain.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeterministicReasonerTest {

    private static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");
    private final DeterministicReasoner reasoner = new DeterministicReasoner();

    @Test
    void ranksTheServiceMostAlertsPointAtFirstAndExplainsTheScore() {
        IncidentFacts facts = incident(
                signal("HighErrorRate", "checkout", Severity.CRITICAL, 0),
                signal("HighLatency", "checkout", Severity.MEDIUM, 2),
                signal("HighErrorRate5xx", "checkout", Severity.HIGH, 3),
                signal("HighLatency", "payments", Severity.MEDIUM, 4));

        Reasoning reasoning = reasoner.reason(facts);

        Reasoning.RankedHypothesis top = reasoning.hypotheses().get(0);
        assertEquals(1, top.rank());
        assertEquals("checkout is failing requests", top.claim());
        assertEquals("checkout", top.suspectService());
        assertEquals(Category.ERRORS, top.category());
        // 0.30·1.0 (critical) + 0.25·(2/3) + 0.20·(3/4) + 0.15·1.0 + 0.10·1.0 (fired first)
        assertEquals(0.867, top.confidence());
        assertEquals(List.of("severity", "corroboration", "focus", "specificity", "onset"),
                top.confidenceBreakdown().stream().map(Factor::name).toList());
        assertEquals(2, top.evidence().size());
        assertEquals(List.of("checkout", "payments"),
                reasoning.rankedServices().stream().map(Reasoning.RankedService::service).toList());
        assertFalse(reasoning.inconclusive());
        assertEquals(3, reasoning.hypotheses().size());
    }

    @Test
    void givesTheSameAnswerForTheSameFacts() {
        IncidentFacts facts = incident(signal("TargetDown", "api", Severity.CRITICAL, 0),
                signal("HighLatency", "db", Severity.MEDIUM, 1));
        assertEquals(reasoner.reason(facts), reasoner.reason(facts));
    }

    @Test
    void saysSoWhenTheAlertsAreTooVagueToConclude() {
        Reasoning vague = reasoner.reason(incident(signal("Watchdog", "api", Severity.MEDIUM, 0)));
        assertTrue(vague.inconclusive());
        assertTrue(vague.hypotheses().get(0).confidence() < DeterministicReasoner.CONCLUSIVE);

        Reasoning empty = reasoner.reason(incident());
        assertTrue(empty.inconclusive());
        assertTrue(empty.hypotheses().isEmpty());
        assertEquals("alerts", empty.missingData().get(0).source());
    }

    @Test
    void alwaysNamesTheSourcesItDidNotHave() {
        Reasoning reasoning = reasoner.reason(incident(signal("HighErrorRate", "api", Severity.CRITICAL, 0)));
        assertEquals(List.of("metrics", "changes"),
                reasoning.missingData().stream().map(Reasoning.MissingData::source).toList());
    }

    @Test
    void fallsBackToTheIncidentServiceAndNeverInventsOne() {
        SignalFact unlabelled = new SignalFact(UUID.randomUUID(), "HighErrorRate", null, Severity.HIGH, "firing", T0,
                Map.of(), Map.of());
        assertEquals("checkout", reasoner.reason(incident(unlabelled)).hypotheses().get(0).suspectService());

        IncidentFacts noService = new IncidentFacts(UUID.randomUUID(), "t", null, Severity.HIGH, T0, List.of(unlabelled));
        Reasoning reasoning = reasoner.reason(noService);
        assertNull(reasoning.hypotheses().get(0).suspectService());
        assertTrue(reasoning.rankedServices().isEmpty());
    }

    private static IncidentFacts incident(SignalFact... signals) {
        return new IncidentFacts(UUID.randomUUID(), "Checkout errors", "checkout", Severity.CRITICAL, T0, List.of(signals));
    }

    private static SignalFact signal(String alertname, String service, Severity severity, int minutesAfter) {
        return new SignalFact(UUID.randomUUID(), alertname, service, severity, "firing", T0.plusSeconds(60L * minutesAfter),
                Map.of("alertname", alertname), Map.of());
    }
}
