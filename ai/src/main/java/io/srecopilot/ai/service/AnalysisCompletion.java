package io.srecopilot.ai.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.srecopilot.ai.Analysis;
import io.srecopilot.ai.AnalysisView;
import io.srecopilot.ai.Explanation;
import io.srecopilot.ai.Findings;
import io.srecopilot.ai.Hypothesis;
import io.srecopilot.ai.policy.PolicyEvaluator;
import io.srecopilot.ai.reasoning.Reasoning;
import io.srecopilot.ai.repository.AnalysisRepository;
import io.srecopilot.ai.service.AnalysisRunner.Computed;
import io.srecopilot.ai.service.AnalysisSteps.Outcome;
import io.srecopilot.ai.snapshot.SnapshotService;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.rest.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The one transaction that ends an attempt: the analysis row is locked and, only if this attempt
 * still holds it, the snapshot, the hypotheses, the policies' decisions and the runbook
 * recommendations are written with the analysis' result and its event. An attempt that another
 * has overtaken, or that comes again after it completed, changes nothing.
 */
@ApplicationScoped
public class AnalysisCompletion {

    private final AnalysisRepository analyses;
    private final AnalysisEvents events;
    private final EventCodec codec;
    private final PolicyEvaluator policies;
    private final RunbookRecommendations recommendations;
    private final SnapshotService snapshots;

    public AnalysisCompletion(AnalysisRepository analyses, AnalysisEvents events, EventCodec codec,
            PolicyEvaluator policies, RunbookRecommendations recommendations, SnapshotService snapshots) {
        this.analyses = analyses;
        this.events = events;
        this.codec = codec;
        this.policies = policies;
        this.recommendations = recommendations;
        this.snapshots = snapshots;
    }

    Uni<AnalysisView> complete(UUID analysisId, int attempt, Computed computed, AnalysisSteps steps) {
        return Panache.withTransaction(() -> held(analysisId, attempt).chain(analysis -> analysis == null
                ? viewOf(analysisId) : write(analysis, computed, steps)));
    }

    /** Ends the attempt as failed, with why; emits {@code analysis.failed}. */
    Uni<AnalysisView> fail(UUID analysisId, int attempt, Analysis.Failure failure, AnalysisSteps steps) {
        return Panache.withTransaction(() -> held(analysisId, attempt).chain(analysis -> {
            if (analysis == null) {
                return viewOf(analysisId);
            }
            analysis.status = Analysis.FAILED;
            analysis.failure = failure;
            analysis.completedAt = Timestamps.now();
            analysis.leaseUntil = null;
            if (!steps.all().isEmpty()) {
                analysis.findings = new Findings(analysis.findings.missingData(), analysis.findings.rankedServices(),
                        codec.toData(steps.all()));
            }
            AnalysisView view = AnalysisView.of(analysis, List.of());
            return events.failed(analysis, view).replaceWith(view);
        }));
    }

    /** Leaves the analysis running for another attempt, due after {@code delay}. */
    Uni<Void> retryLater(UUID analysisId, int attempt, Duration delay) {
        return Panache.withTransaction(() -> held(analysisId, attempt).invoke(analysis -> {
            if (analysis != null) {
                analysis.leaseUntil = Timestamps.now().plus(delay);
            }
        })).replaceWithVoid();
    }

    Uni<AnalysisView> current(UUID analysisId) {
        return Panache.withSession(() -> viewOf(analysisId));
    }

    /** The analysis, locked, if attempt {@code attempt} still holds it; else null. */
    private Uni<Analysis> held(UUID analysisId, int attempt) {
        return analyses.findById(analysisId, LockModeType.PESSIMISTIC_WRITE)
                .map(analysis -> analysis != null && Analysis.RUNNING.equals(analysis.status)
                        && analysis.attempts == attempt ? analysis : null);
    }

    private Uni<AnalysisView> viewOf(UUID analysisId) {
        return analyses.findById(analysisId).chain(analysis -> analysis == null ? Uni.createFrom().nullItem()
                : analyses.hypothesesOf(analysis.id).map(found -> AnalysisView.of(analysis, found)));
    }

    private Uni<AnalysisView> write(Analysis analysis, Computed computed, AnalysisSteps steps) {
        Reasoning reasoning = computed.reasoning();
        List<Hypothesis> hypotheses = reasoning.hypotheses().stream().map(ranked -> hypothesis(analysis, ranked))
                .toList();
        return steps.run("snapshot", () -> snapshots.take(analysis, computed.announced(), computed.prepared()),
                sha256 -> Outcome.completed("sha256 " + sha256))
                .chain(() -> hypotheses.isEmpty() ? Uni.createFrom().voidItem() : Hypothesis.persist(hypotheses))
                .chain(() -> steps.run("policies", () -> policies.decide(analysis.tenantId, analysis.projectId,
                        analysis.incidentId, analysis.id, AnalysisPolicyFacts.of(computed.announced(), reasoning)),
                        decisions -> Outcome.completed(decisions.size() + " decision(s)")))
                .chain(() -> steps.run("recommendations", () -> recommendations.recommend(analysis, hypotheses,
                        reasoning, computed.announced()),
                        count -> Outcome.completed(count + " runbook recommendation(s)")))
                .chain(() -> {
                    analysis.status = Analysis.COMPLETED;
                    analysis.reasoner = reasoning.reasoner();
                    analysis.inconclusive = reasoning.inconclusive();
                    analysis.findings = new Findings(codec.toData(reasoning.missingData()),
                            codec.toData(reasoning.rankedServices()), codec.toData(steps.all()));
                    analysis.completedAt = Timestamps.now();
                    analysis.leaseUntil = null;
                    analysis.rerunAt = computed.rerunAt();
                    AnalysisView view = AnalysisView.of(analysis, hypotheses);
                    return events.completed(analysis, view).replaceWith(view);
                });
    }

    private Hypothesis hypothesis(Analysis analysis, Reasoning.RankedHypothesis ranked) {
        Hypothesis hypothesis = new Hypothesis();
        hypothesis.id = UUID.randomUUID();
        hypothesis.analysisId = analysis.id;
        hypothesis.tenantId = analysis.tenantId;
        hypothesis.projectId = analysis.projectId;
        hypothesis.incidentId = analysis.incidentId;
        hypothesis.rank = ranked.rank();
        hypothesis.claim = ranked.claim();
        hypothesis.description = ranked.description();
        hypothesis.suspectService = ranked.suspectService();
        hypothesis.category = ranked.category().value();
        hypothesis.confidence = BigDecimal.valueOf(ranked.confidence()).setScale(3, RoundingMode.HALF_UP);
        hypothesis.proposedBy = ranked.proposedBy();
        hypothesis.explanation = new Explanation(codec.toData(ranked.confidenceBreakdown()),
                codec.toData(ranked.evidence()), null, Math.round(ranked.rawConfidence() * 1000) / 1000.0);
        return hypothesis;
    }
}
