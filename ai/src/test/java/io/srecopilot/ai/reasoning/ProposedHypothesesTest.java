package io.srecopilot.ai.reasoning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.srecopilot.platform.domain.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the reasoner does with hypotheses someone else (the LLM) proposed: check, score, rank. */
class ProposedHypothesesTest {

    private static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");
    private final DeterministicReasoner reasoner = new DeterministicReasoner();

    private final SignalFact errors = signal("HighErrorRate", "checkout", Severity.CRITICAL, 0);
    private final SignalFact pool = signal("DatabaseConnectionErrors", "payments", Severity.HIGH, 2);
    private final IncidentFacts facts = new IncidentFacts(UUID.randomUUID(), "Checkout errors", "checkout",
            Severity.CRITICAL, T0, List.of(errors, pool));

    @Test
    void aProposalOfACauseTheAlertsShowLendsItsWordsButNeverItsOwnConfidence() {
        Reasoning alone = reasoner.reason(facts);
        ProposedHypothesis proposal = new ProposedHypothesis("Checkout's v2.3 rollout broke payment calls",
                "Errors began with the rollout.", "checkout", "errors", List.of(errors.id().toString()));

        Reasoning withLlm = reasoner.reason(facts, List.of(proposal));

        Reasoning.RankedHypothesis top = withLlm.hypotheses().get(0);
        assertEquals("Checkout's v2.3 rollout broke payment calls", top.claim());
        assertEquals("llm", top.proposedBy());
        assertEquals(alone.hypotheses().get(0).confidence(), top.confidence());
        assertEquals(alone.hypotheses().get(0).confidenceBreakdown(), top.confidenceBreakdown());
        assertEquals(DeterministicReasoner.NAME_WITH_LLM, withLlm.reasoner());
        assertEquals(alone.hypotheses().size(), withLlm.hypotheses().size());
    }

    @Test
    void aProposalOfANewCauseIsScoredFromTheEvidenceItCites() {
        ProposedHypothesis proposal = new ProposedHypothesis("payments' connection pool is exhausted", null,
                "payments", "saturation", List.of(pool.id().toString()));

        Reasoning reasoning = reasoner.reason(facts, List.of(proposal));

        Reasoning.RankedHypothesis saturation = reasoning.hypotheses().stream()
                .filter(hypothesis -> hypothesis.category() == Category.SATURATION).findFirst().orElseThrow();
        assertEquals("payments", saturation.suspectService());
        assertEquals("llm", saturation.proposedBy());
        assertTrue(saturation.description().contains("DatabaseConnectionErrors"), saturation.description());
        assertEquals(List.of(pool.id().toString()), saturation.evidence().stream().map(Reasoning.Evidence::id).toList());
        assertEquals(reasoning, reasoner.reason(facts, List.of(proposal)), "same inputs, same scores");
    }

    @Test
    void proposalsCitingUnknownEvidenceNoEvidenceOrNoAlertAreDroppedAndListed() {
        List<ProposedHypothesis> proposals = List.of(
                new ProposedHypothesis("A noisy neighbour", null, "node-7", "saturation", List.of("metric:node-7:steal")),
                new ProposedHypothesis("Just a hunch", null, "checkout", "errors", List.of()),
                new ProposedHypothesis("  ", null, "checkout", "errors", List.of(errors.id().toString())),
                new ProposedHypothesis("The search index is stale", null, "search", "unknown",
                        List.of(pool.id().toString().replace('a', 'b').replace('1', '2'))));

        Reasoning reasoning = reasoner.reason(facts, proposals);

        assertEquals(DeterministicReasoner.NAME, reasoning.reasoner());
        assertEquals(reasoner.reason(facts).hypotheses(), reasoning.hypotheses());
        assertEquals(4, reasoning.droppedProposals().size(), reasoning.droppedProposals().toString());
        assertTrue(reasoning.droppedProposals().get(0).contains("metric:node-7:steal"));
        assertTrue(reasoning.droppedProposals().get(1).contains("cites no evidence"));
    }

    @Test
    void aProposalMayRestOnADepartedMetricOfItsServiceAlone() {
        // Database latency departs; no alert names the database.
        java.util.List<io.srecopilot.ai.ranking.MetricSeries> series = new java.util.ArrayList<>();
        for (String service : List.of("database", "checkout", "search", "cart")) {
            java.util.List<double[]> points = new java.util.ArrayList<>();
            for (int minute = -60; minute <= 10; minute++) {
                double value = 100 + 3 * Math.sin(minute * 1.3 + service.length()) + (service.equals("database")
                        && minute >= 0 ? 400 : 0);
                points.add(new double[] { T0.getEpochSecond() + 60.0 * minute, value });
            }
            series.add(new io.srecopilot.ai.ranking.MetricSeries(service, "latency", points));
        }
        IncidentFacts withMetrics = facts.with(new io.srecopilot.ai.context.OperationalContext(T0.minusSeconds(3600),
                T0.plusSeconds(600), series, List.of("q1", "q2", "q3", "q4"), List.of(), List.of(), null,
                io.srecopilot.ai.ranking.CallGraph.EMPTY, List.of()));
        ProposedHypothesis onTheMetric = new ProposedHypothesis("The database's disk is slow", null, "database",
                "latency", List.of("metric:database:latency"));
        ProposedHypothesis onNothingOfIt = new ProposedHypothesis("The cache is cold", null, "cache", "latency",
                List.of("metric:database:latency"));

        Reasoning reasoning = reasoner.reason(withMetrics, List.of(onTheMetric, onNothingOfIt));

        Reasoning.RankedHypothesis adopted = reasoning.hypotheses().stream()
                .filter(hypothesis -> hypothesis.claim().equals("The database's disk is slow")).findFirst().orElseThrow();
        assertEquals("llm", adopted.proposedBy());
        assertEquals(List.of("metric"), adopted.evidence().stream().map(Reasoning.Evidence::kind).distinct().toList());
        assertTrue(reasoning.droppedProposals().stream().anyMatch(why -> why.contains("The cache is cold")
                && why.contains("no departed metric of cache")), reasoning.droppedProposals().toString());
    }

    @Test
    void aProposalInACategoryItDoesNotKnowIsKeptAsUnknown() {
        ProposedHypothesis unknownCategory = new ProposedHypothesis("checkout is overloaded", "Traffic doubled.",
                "checkout", "traffic surge", List.of(errors.id().toString()));

        Reasoning.RankedHypothesis hypothesis = reasoner.reason(facts, List.of(unknownCategory)).hypotheses().stream()
                .filter(found -> found.claim().equals("checkout is overloaded")).findFirst().orElseThrow();

        assertEquals(Category.UNKNOWN, hypothesis.category());
        assertEquals("checkout", hypothesis.suspectService());
    }

    private static SignalFact signal(String alertname, String service, Severity severity, int minutesAfter) {
        return new SignalFact(UUID.randomUUID(), alertname, service, severity, "firing", T0.plusSeconds(60L * minutesAfter),
                Map.of("alertname", alertname), Map.of());
    }
}
