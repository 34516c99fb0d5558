package io.srecopilot.ai.reasoning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.srecopilot.ai.context.OperationalContext;
import io.srecopilot.ai.precedent.Precedent;
import io.srecopilot.ai.precedent.PrecedentDetails;
import io.srecopilot.ai.precedent.PrecedentMatcher;
import io.srecopilot.ai.ranking.CallGraph;
import io.srecopilot.ai.ranking.MetricSeries;
import io.srecopilot.ai.ranking.ServiceChange;
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
        // 0.25·1.0 (critical) + 0.20·1.0 (fired first) + 0.20·0 (no precedent)
        // + 0.20·(2/3 agree + 1 specific + 3/4 on checkout + 0 metrics)/4 + 0.15·0.5 (no verdicts yet)
        assertEquals(0.6458, top.rawConfidence(), 0.0001);
        assertEquals(ConfidenceCalibration.PRIOR.probability(top.rawConfidence()), top.confidence(), 1e-12,
                "without verdicts of the project, the prior curve says how likely it is right");
        assertEquals(List.of("signal_strength", "temporal_correlation", "precedent_frequency", "evidence_quality",
                "human_validation"), top.confidenceBreakdown().stream().map(Factor::name).toList());
        assertEquals(2, top.evidence().size());
        assertEquals(List.of("checkout", "payments"),
                reasoning.rankedServices().stream().map(Reasoning.RankedService::service).toList());
        // The prior curve makes 0.646 a 0.44 chance of being right: below 0.6, so not yet a conclusion.
        assertTrue(reasoning.inconclusive());
        assertTrue(reasoning.inconclusiveBecause().startsWith("the best hypothesis is at 0.440"),
                reasoning.inconclusiveBecause());
        assertEquals(3, reasoning.hypotheses().size());
    }

    @Test
    void aProjectsOwnWeightsAreWhatTheFactorsWeigh() {
        IncidentFacts facts = incident(signal("HighErrorRate", "checkout", Severity.CRITICAL, 0));
        ConfidenceWeights onlyStrength = new ConfidenceWeights(1, 0, 0, 0, 0);

        Reasoning.RankedHypothesis top = reasoner.reason(facts.with(new ProjectMemory(List.of(), Map.of(), onlyStrength)))
                .hypotheses().get(0);

        assertEquals(1.0, top.rawConfidence(), "a critical alert is full signal strength");
        assertEquals(List.of(1.0, 0.0, 0.0, 0.0, 0.0), top.confidenceBreakdown().stream().map(Factor::weight).toList());
    }

    @Test
    void weightsThatDoNotAddUpToOneAreRefused() {
        assertNull(ConfidenceWeights.DEFAULT.problem());
        assertTrue(new ConfidenceWeights(0.5, 0.5, 0.5, 0, 0).problem().contains("add up to 1"));
        assertTrue(new ConfidenceWeights(1.5, -0.5, 0, 0, 0).problem().contains("between 0 and 1"));
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

    @Test
    void withMetricsAndChangesServicesAreRankedByTheMetricsAndHypothesesCiteThem() {
        IncidentFacts facts = incident(signal("HighErrorRate", "checkout", Severity.CRITICAL, 0),
                signal("HighLatency", "frontend", Severity.MEDIUM, 1));
        // payments' latency departs first, 4 min before the incident; checkout follows 2 min later.
        MetricSeries payments = series("payments", minute -> minute >= -4 ? 400 : 100);
        MetricSeries checkout = series("checkout", minute -> minute >= -2 ? 300 : 100);
        MetricSeries frontend = series("frontend", minute -> 100);
        ServiceChange deploy = new ServiceChange("c-1", "payments", T0.minusSeconds(360), "payments v7");
        OperationalContext operations = new OperationalContext(T0.minusSeconds(5400), T0.plusSeconds(600),
                List.of(payments, checkout, frontend), List.of("q_payments", "q_checkout", "q_frontend"),
                List.of(deploy), List.of(), null, CallGraph.EMPTY, List.of());

        Reasoning reasoning = reasoner.reason(facts.with(operations));

        assertEquals(List.of("payments", "checkout", "frontend"),
                reasoning.rankedServices().stream().map(Reasoning.RankedService::service).toList());
        String why = reasoning.rankedServices().get(0).reason();
        assertTrue(why.contains("the first service to depart") && why.contains("rose from") && why.contains("payments v7"),
                why);
        // No alert names payments: its metrics alone make it a cause, and the first, as the ranking says.
        Reasoning.RankedHypothesis first = reasoning.hypotheses().get(0);
        assertEquals("payments", first.suspectService());
        assertEquals(Category.LATENCY, first.category());
        assertEquals(List.of("metric", "change"), first.evidence().stream().map(Reasoning.Evidence::kind).toList());
        Reasoning.RankedHypothesis checkoutErrors = reasoning.hypotheses().stream()
                .filter(hypothesis -> "checkout".equals(hypothesis.suspectService())).findFirst().orElseThrow();
        Reasoning.Evidence metric = checkoutErrors.evidence().stream().filter(e -> e.kind().equals("metric"))
                .findFirst().orElseThrow();
        assertEquals("q_checkout", metric.query());
        assertEquals(T0.minusSeconds(120), metric.startsAt());
        assertTrue(checkoutErrors.confidence() < first.confidence(), "checkout's alert is louder, payments departed first");
        assertEquals(List.of(), reasoning.missingData(), "metrics and changes were both had");
    }

    @Test
    void anIncidentWithoutAlertsOrMetricsHasNoHypothesisAndSaysWhatIsMissing() {
        IncidentFacts declared = new IncidentFacts(UUID.randomUUID(), "Customers report slow checkout", null,
                Severity.HIGH, T0, List.of());

        Reasoning reasoning = reasoner.reason(declared);

        assertTrue(reasoning.hypotheses().isEmpty());
        assertTrue(reasoning.inconclusive());
        assertEquals("there is nothing to form a hypothesis from", reasoning.inconclusiveBecause());
        assertEquals(List.of("alerts", "metrics", "changes"),
                reasoning.missingData().stream().map(Reasoning.MissingData::source).toList());
    }

    @Test
    void anIncidentWithoutAlertsIsAnalysedFromItsServicesMetrics() {
        IncidentFacts declared = new IncidentFacts(UUID.randomUUID(), "Customers report slow checkout", null,
                Severity.HIGH, T0, List.of());
        OperationalContext operations = new OperationalContext(T0.minusSeconds(5400), T0.plusSeconds(600),
                List.of(series("payments", minute -> minute >= -1 ? 500 : 100), series("checkout", minute -> 100),
                        series("search", minute -> 100)),
                List.of("q1", "q2", "q3"), List.of(), List.of(), null, CallGraph.EMPTY, List.of());

        Reasoning reasoning = reasoner.reason(declared.with(operations));

        assertEquals("payments", reasoning.hypotheses().get(0).suspectService());
        assertEquals("payments is responding slowly", reasoning.hypotheses().get(0).claim());
        assertEquals(List.of("alerts"), reasoning.missingData().stream().map(Reasoning.MissingData::source).toList());
    }

    @Test
    void whatPeopleSaidOfThisKindOfHypothesisMovesItsConfidence() {
        IncidentFacts facts = incident(signal("HighErrorRate", "checkout", Severity.CRITICAL, 0));
        double unjudged = reasoner.reason(facts).hypotheses().get(0).rawConfidence();

        ProjectMemory accepted = new ProjectMemory(List.of(),
                Map.of(ProjectMemory.kind("checkout", "errors"), new Verdicts(3, 0)));
        ProjectMemory rejected = new ProjectMemory(List.of(),
                Map.of(ProjectMemory.kind("checkout", "errors"), new Verdicts(0, 3)));
        Reasoning.RankedHypothesis trusted = reasoner.reason(facts.with(accepted)).hypotheses().get(0);

        // (3 + 1) / (3 + 2) = 0.8 instead of 0.5: 0.15 · 0.3 more.
        assertEquals(unjudged + 0.045, trusted.rawConfidence(), 0.0015);
        assertEquals("3 accepted and 0 rejected hypotheses like this", trusted.confidenceBreakdown().get(4).reason());
        assertEquals(unjudged - 0.045, reasoner.reason(facts.with(rejected)).hypotheses().get(0).rawConfidence(), 0.0015);
    }

    @Test
    void aConfidentHypothesisOnTooLittleEvidenceIsStillInconclusive() {
        // One vague alert among ten on other services: people's acceptance lifts its confidence over 0.6,
        // but its evidence covers too little to act on.
        SignalFact[] signals = new SignalFact[10];
        signals[0] = signal("Watchdog", "checkout", Severity.CRITICAL, 0);
        for (int i = 1; i < 10; i++) {
            signals[i] = signal("Heartbeat" + i, "other-" + i, Severity.INFO, 1);
        }
        // A project whose verdicts made its curve generous: a sum of 0.63 is right nine times in ten.
        ProjectMemory trusted = new ProjectMemory(List.of(),
                Map.of(ProjectMemory.kind("checkout", Category.UNKNOWN.value()), new Verdicts(20, 0)),
                ConfidenceWeights.DEFAULT, new ConfidenceCalibration.Curve(10, -4, 40));

        Reasoning reasoning = reasoner.reason(incident(signals).with(trusted));

        assertTrue(reasoning.hypotheses().get(0).confidence() >= DeterministicReasoner.CONCLUSIVE,
                reasoning.hypotheses().get(0).toString());
        assertTrue(reasoning.inconclusive());
        assertTrue(reasoning.inconclusiveBecause().startsWith("the best hypothesis rests on too little evidence"),
                reasoning.inconclusiveBecause());
    }

    @Test
    void aLearnedIncidentLikeThisOneIsCitedAndRaisesTheConfidence() {
        IncidentFacts facts = incident(signal("HighErrorRate", "checkout", Severity.CRITICAL, 0));
        Precedent learned = new Precedent();
        learned.incidentId = UUID.randomUUID();
        learned.reference = "INC-3";
        learned.title = "Checkout errors";
        learned.service = "checkout";
        learned.details = new PrecedentDetails(Map.of("alertname", "HighErrorRate"), "bad config push", null,
                "checkout is failing requests", PrecedentMatcher.words("Checkout errors", "bad config push",
                        "checkout is failing requests"));

        Reasoning.RankedHypothesis top = reasoner.reason(facts.with(new ProjectMemory(List.of(learned), Map.of())))
                .hypotheses().get(0);

        Factor precedent = top.confidenceBreakdown().get(2);
        assertTrue(precedent.score() >= 0.6, precedent.toString());
        assertTrue(precedent.reason().startsWith("like INC-3 ("), precedent.reason());
        assertEquals(reasoner.reason(facts).hypotheses().get(0).rawConfidence() + 0.2 * precedent.score(),
                top.rawConfidence(), 0.0015);
        assertTrue(top.evidence().stream().anyMatch(e -> e.id().equals("precedent:" + learned.incidentId)));
    }

    @Test
    void whenIngestCouldNotBeAskedTheAnalysisSaysWhy() {
        IncidentFacts facts = incident(signal("HighErrorRate", "api", Severity.CRITICAL, 0));
        OperationalContext unreachable = OperationalContext.unavailable(T0.minusSeconds(5400), T0,
                "ingest did not answer within 5 s");

        Reasoning reasoning = reasoner.reason(facts.with(unreachable));

        assertEquals(List.of("metrics", "changes"),
                reasoning.missingData().stream().map(Reasoning.MissingData::source).toList());
        assertEquals("ingest did not answer within 5 s", reasoning.missingData().get(0).reason());
        assertEquals(List.of("api"), reasoning.rankedServices().stream().map(Reasoning.RankedService::service).toList());
    }

    @Test
    void aDeployJustBeforeTheIncidentIsEvidenceEvenWithoutMetrics() {
        ServiceChange deploy = new ServiceChange("c-9", "api", T0.minusSeconds(300), "api v2");
        OperationalContext changesOnly = new OperationalContext(T0.minusSeconds(5400), T0, List.of(), List.of(),
                List.of(deploy), List.of(), null, CallGraph.EMPTY, List.of());

        Reasoning reasoning = reasoner.reason(incident(signal("HighErrorRate", "api", Severity.CRITICAL, 0))
                .with(changesOnly));

        assertTrue(reasoning.hypotheses().get(0).evidence().stream()
                .anyMatch(e -> e.kind().equals("change") && e.id().equals("change:c-9")));
        assertEquals(List.of("metrics"), reasoning.missingData().stream().map(Reasoning.MissingData::source).toList());
    }

    @Test
    void alertsThatFollowAChangeOfTheirServiceMakeADeployRegressionHypothesis() {
        ServiceChange deploy = new ServiceChange("c-9", "api", T0.minusSeconds(300), "api v2 by alice");
        OperationalContext changesOnly = new OperationalContext(T0.minusSeconds(5400), T0, List.of(), List.of(),
                List.of(deploy), List.of(), null, CallGraph.EMPTY, List.of());

        Reasoning reasoning = reasoner.reason(incident(signal("HighErrorRate", "api", Severity.CRITICAL, 0),
                signal("HighLatency", "db", Severity.MEDIUM, 1)).with(changesOnly));

        Reasoning.RankedHypothesis regression = reasoning.hypotheses().stream()
                .filter(hypothesis -> hypothesis.category() == Category.CHANGE).findFirst().orElseThrow();
        assertEquals("A recent change to api caused it", regression.claim());
        assertEquals("api changed at " + T0.minusSeconds(300) + " (api v2 by alice), before its 1 alert(s): HighErrorRate.",
                regression.description());
        assertEquals(List.of("signal", "change"), regression.evidence().stream().map(Reasoning.Evidence::kind).toList());
        assertTrue(reasoning.hypotheses().stream().noneMatch(hypothesis -> hypothesis.category() == Category.CHANGE
                && "db".equals(hypothesis.suspectService())), "db did not change");
    }

    /** Ninety minutes of a series, a point a minute, ending ten minutes after T0. */
    private static MetricSeries series(String service, java.util.function.IntToDoubleFunction valueAtMinuteFromT0) {
        List<double[]> points = new java.util.ArrayList<>();
        for (int minute = -80; minute <= 10; minute++) {
            double wobble = 2 * Math.sin(minute * 1.3 + service.length());
            points.add(new double[] { T0.getEpochSecond() + 60.0 * minute,
                    valueAtMinuteFromT0.applyAsDouble(minute) + wobble });
        }
        return new MetricSeries(service, "latency_p99", points);
    }

    private static IncidentFacts incident(SignalFact... signals) {
        return new IncidentFacts(UUID.randomUUID(), "Checkout errors", "checkout", Severity.CRITICAL, T0, List.of(signals));
    }

    private static SignalFact signal(String alertname, String service, Severity severity, int minutesAfter) {
        return new SignalFact(UUID.randomUUID(), alertname, service, severity, "firing", T0.plusSeconds(60L * minutesAfter),
                Map.of("alertname", alertname), Map.of());
    }
}
