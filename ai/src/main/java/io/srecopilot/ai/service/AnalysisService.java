package io.srecopilot.ai.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.srecopilot.ai.Analysis;
import io.srecopilot.ai.AnalysisView;
import io.srecopilot.ai.Explanation;
import io.srecopilot.ai.Findings;
import io.srecopilot.ai.Hypothesis;
import io.srecopilot.ai.IncidentContext;
import io.srecopilot.ai.context.OperationalContext;
import io.srecopilot.ai.context.OperationalContextFetcher;
import io.srecopilot.ai.events.IncidentCreated;
import io.srecopilot.ai.llm.LlmCandidates;
import io.srecopilot.ai.llm.LlmRequestScope;
import io.srecopilot.ai.policy.PolicyEvaluator;
import io.srecopilot.ai.reasoning.ConfidenceWeights;
import io.srecopilot.ai.reasoning.DeterministicReasoner;
import io.srecopilot.ai.reasoning.IncidentFacts;
import io.srecopilot.ai.reasoning.PreparedFacts;
import io.srecopilot.ai.reasoning.Reasoning;
import io.srecopilot.ai.reasoning.SignalFact;
import io.srecopilot.ai.repository.AnalysisRepository;
import io.srecopilot.ai.service.AnalysisSteps.Outcome;
import io.srecopilot.ai.snapshot.SnapshotService;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Keeps incidents' context and runs the reasoner over it, on announcement or on request, with the
 * metrics and changes ingest has around the incident's start.
 */
@ApplicationScoped
public class AnalysisService {

    private static final Actor AI = Actor.system("ai");

    private final DeterministicReasoner reasoner;
    private final AnalysisRepository analyses;
    private final AnalysisEvents events;
    private final EventCodec codec;
    private final OperationalContextFetcher operations;
    private final PolicyEvaluator policies;
    private final ProjectMemories memories;
    private final LlmCandidates llm;
    private final AnalysisLock lock;
    private final RunbookRecommendations recommendations;
    private final SnapshotService snapshots;

    public AnalysisService(DeterministicReasoner reasoner, AnalysisRepository analyses, AnalysisEvents events,
            EventCodec codec, OperationalContextFetcher operations, PolicyEvaluator policies,
            ProjectMemories memories, LlmCandidates llm, AnalysisLock lock, RunbookRecommendations recommendations,
            SnapshotService snapshots) {
        this.snapshots = snapshots;
        this.recommendations = recommendations;
        this.llm = llm;
        this.lock = lock;
        this.policies = policies;
        this.memories = memories;
        this.reasoner = reasoner;
        this.analyses = analyses;
        this.events = events;
        this.codec = codec;
        this.operations = operations;
    }

    /**
     * Stores the announced incident's context and analyses it; joins the consumer's transaction.
     * Emits null when an analysis of the incident is already running (it covers this one).
     */
    @WithTransaction
    public Uni<AnalysisView> analyseNewIncident(EventEnvelope event) {
        IncidentCreated created = codec.fromData(event.data(), IncidentCreated.class);
        return IncidentContext.<IncidentContext>findById(created.incident().id())
                .chain(existing -> existing != null ? Uni.createFrom().item(existing)
                        : newContext(event, created).persist().map(IncidentContext.class::cast))
                .chain(context -> locked(context.incidentId, () -> run(context, AI)));
    }

    /** Runs the analysis again; 409 while another analysis of the incident is running. */
    public Uni<AnalysisView> rerun(Caller caller, UUID incidentId) {
        return Panache.withSession(() -> analyses.contextFor(caller.tenantId(), caller.projectId(), incidentId))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("incident", incidentId))
                .chain(context -> locked(incidentId, () -> Panache.withTransaction(() -> run(context, caller.actor()))))
                .onItem().ifNull().failWith(() -> ProblemException.conflict(
                        "an analysis of this incident is already running; its result will replace the current one"));
    }

    /** Runs {@code analysis} holding the incident's lock; emits null without running when it is held. */
    private Uni<AnalysisView> locked(UUID incidentId, Supplier<Uni<AnalysisView>> analysis) {
        return lock.acquire(incidentId).chain(token -> token == null ? Uni.createFrom().<AnalysisView>nullItem()
                : analysis.get().eventually(() -> lock.release(incidentId, token)));
    }

    public Uni<AnalysisView> latest(Caller caller, UUID incidentId) {
        return analyses.latestFor(caller.tenantId(), caller.projectId(), incidentId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("analysis of incident", incidentId))
                .chain(analysis -> analyses.hypothesesOf(analysis.id).map(found -> AnalysisView.of(analysis, found)));
    }

    private Uni<AnalysisView> run(IncidentContext context, Actor actor) {
        Analysis analysis = Analysis.start(context, DeterministicReasoner.NAME, codec.toData(List.of()));
        IncidentCreated announced = codec.fromData(context.snapshot, IncidentCreated.class);
        IncidentFacts facts = facts(announced);
        AnalysisSteps steps = new AnalysisSteps();
        return analysis.persist().call(() -> events.started(analysis, actor))
                .chain(() -> steps.run("memory", () -> memories.of(context.tenantId, context.projectId),
                        memory -> Outcome.completed(memory.precedents().size() + " learned incident(s), "
                                + memory.verdicts().size() + " kind(s) of hypothesis judged"
                                + (memory.weights().equals(ConfidenceWeights.DEFAULT) ? ""
                                        : ", the project's own confidence weights"))))
                .chain(memory -> steps.run("context", () -> operations(context, facts.startedAt()),
                        AnalysisService::contextOutcome)
                        .map(operations -> facts.with(operations).with(memory)))
                .chain(known -> {
                    PreparedFacts prepared = reasoner.prepare(known);
                    return steps.run("snapshot", () -> snapshots.take(analysis, announced, prepared),
                            sha256 -> Outcome.completed("sha256 " + sha256))
                            .chain(() -> steps.run("llm", () -> llm.propose(scopeOf(analysis), known, prepared.pool()),
                                    proposal -> new Outcome(proposal.status(), proposal.detail())))
                            .chain(proposal -> steps.run("reasoning",
                                    () -> Uni.createFrom().item(() -> reasoner.reason(prepared, proposal.proposals())),
                                    AnalysisService::reasoningOutcome));
                })
                .chain(reasoning -> complete(analysis, announced, reasoning, steps, actor));
    }

    private Uni<AnalysisView> complete(Analysis analysis, IncidentCreated announced, Reasoning reasoning,
            AnalysisSteps steps, Actor actor) {
        List<Hypothesis> hypotheses = reasoning.hypotheses().stream().map(ranked -> hypothesis(analysis, ranked)).toList();
        return Hypothesis.persist(hypotheses)
                .chain(() -> steps.run("policies", () -> policies.decide(analysis.tenantId, analysis.projectId,
                        analysis.incidentId, analysis.id, AnalysisPolicyFacts.of(announced, reasoning)),
                        decisions -> Outcome.completed(decisions.size() + " decision(s)")))
                .chain(() -> steps.run("recommendations", () -> recommendations.recommend(analysis, hypotheses,
                        reasoning, announced), count -> Outcome.completed(count + " runbook recommendation(s)")))
                .chain(() -> {
                    analysis.status = Analysis.COMPLETED;
                    analysis.reasoner = reasoning.reasoner();
                    analysis.inconclusive = reasoning.inconclusive();
                    analysis.findings = new Findings(codec.toData(reasoning.missingData()),
                            codec.toData(reasoning.rankedServices()), codec.toData(steps.all()));
                    analysis.completedAt = Timestamps.now();
                    AnalysisView view = AnalysisView.of(analysis, hypotheses);
                    return events.completed(analysis, view, actor).replaceWith(view);
                });
    }

    private static Outcome contextOutcome(OperationalContext operations) {
        if (operations == null) {
            return new Outcome("skipped", "the incident has no start to look around");
        }
        if (!operations.reached()) {
            return new Outcome("unavailable", operations.unavailable());
        }
        return Outcome.completed(operations.series().size() + " series, " + operations.changes().size()
                + " change(s) from " + operations.from() + " to " + operations.to());
    }

    private static Outcome reasoningOutcome(Reasoning reasoning) {
        return Outcome.completed(reasoning.hypotheses().size() + " hypothesis(es)" + (reasoning.hypotheses().isEmpty()
                ? "" : ", the first at " + reasoning.hypotheses().get(0).confidence())
                + (reasoning.droppedProposals().isEmpty() ? ""
                        : "; proposals dropped: " + String.join("; ", reasoning.droppedProposals()))
                + (reasoning.inconclusive() ? "; inconclusive: " + reasoning.inconclusiveBecause() : ""));
    }

    private static LlmRequestScope scopeOf(Analysis analysis) {
        return new LlmRequestScope(analysis.tenantId, analysis.projectId, analysis.incidentId, analysis.id);
    }

    /** Null when the incident has no start to look around. */
    private Uni<OperationalContext> operations(IncidentContext context, Instant startedAt) {
        return startedAt == null ? Uni.createFrom().nullItem()
                : operations.around(context.tenantId, context.projectId, startedAt, Timestamps.now());
    }

    private static IncidentFacts facts(IncidentCreated announced) {
        IncidentCreated.Incident incident = announced.incident();
        List<SignalFact> signals = announced.signals().stream()
                .map(signal -> new SignalFact(signal.id(), signal.alertname(), signal.service(), signal.severity(),
                        signal.status(), signal.startsAt(), signal.labels(), signal.annotations()))
                .toList();
        return new IncidentFacts(incident.id(), incident.title(), incident.service(), incident.severity(),
                incident.startedAt(), signals);
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
        hypothesis.confidence = BigDecimal.valueOf(ranked.confidence());
        hypothesis.proposedBy = ranked.proposedBy();
        hypothesis.explanation = new Explanation(codec.toData(ranked.confidenceBreakdown()),
                codec.toData(ranked.evidence()), null);
        return hypothesis;
    }

    private static IncidentContext newContext(EventEnvelope event, IncidentCreated created) {
        IncidentContext context = new IncidentContext();
        context.incidentId = created.incident().id();
        context.tenantId = event.tenantId();
        context.projectId = event.projectId();
        context.snapshot = event.data();
        context.receivedAt = Timestamps.now();
        return context;
    }
}
