package io.srecopilot.ai.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.srecopilot.ai.Analysis;
import io.srecopilot.ai.AnalysisView;
import io.srecopilot.ai.IncidentContext;
import io.srecopilot.ai.context.OperationalContext;
import io.srecopilot.ai.context.OperationalContextFetcher;
import io.srecopilot.ai.llm.LlmCandidates;
import io.srecopilot.ai.llm.LlmRequestScope;
import io.srecopilot.ai.reasoning.ConfidenceWeights;
import io.srecopilot.ai.reasoning.DeterministicReasoner;
import io.srecopilot.ai.reasoning.IncidentFacts;
import io.srecopilot.ai.reasoning.PreparedFacts;
import io.srecopilot.ai.reasoning.Reasoning;
import io.srecopilot.ai.reasoning.SignalFact;
import io.srecopilot.ai.repository.AnalysisRepository;
import io.srecopilot.ai.service.AnalysisSteps.Outcome;
import io.srecopilot.ai.service.AnalysisSteps.StepFailure;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.catalog.IncidentCreated;
import io.srecopilot.platform.events.catalog.IncidentSummary;
import io.srecopilot.platform.problem.TransientFailures;
import io.srecopilot.platform.rest.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Runs one attempt of a started analysis: computes it holding no database transaction (the
 * project's memory read in a session of its own, ingest and the LLM asked over HTTP, the reasoning
 * in memory), then completes it in one transaction ({@link AnalysisCompletion}). A step that fails
 * fails the analysis with its reason; a failure that says a dependency cannot serve right now
 * leaves it running for another attempt once its lease runs out.
 */
@ApplicationScoped
public class AnalysisRunner {

    private static final Logger LOG = Logger.getLogger(AnalysisRunner.class);
    /** After a transient failure the lease is shortened to this, so another attempt comes soon. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private final DeterministicReasoner reasoner;
    private final AnalysisRepository analyses;
    private final EventCodec codec;
    private final OperationalContextFetcher operations;
    private final ProjectMemories memories;
    private final LlmCandidates llm;
    private final AnalysisCompletion completion;
    private final Duration settle;

    public AnalysisRunner(DeterministicReasoner reasoner, AnalysisRepository analyses, EventCodec codec,
            OperationalContextFetcher operations, ProjectMemories memories, LlmCandidates llm,
            AnalysisCompletion completion, AnalysisConfig config) {
        this.reasoner = reasoner;
        this.analyses = analyses;
        this.codec = codec;
        this.operations = operations;
        this.memories = memories;
        this.llm = llm;
        this.completion = completion;
        this.settle = config.settle();
    }

    /** Runs attempt {@code attempt}; emits the analysis as it then stands (another attempt's, if that won). */
    public Uni<AnalysisView> run(UUID analysisId, int attempt) {
        AnalysisSteps steps = new AnalysisSteps();
        return Panache.withSession(() -> analyses.findById(analysisId).chain(analysis -> analysis == null
                ? Uni.createFrom().<Started>nullItem()
                : IncidentContext.<IncidentContext>findById(analysis.incidentId)
                        .map(context -> new Started(analysis, context))))
                .chain(started -> started == null ? Uni.createFrom().<AnalysisView>nullItem()
                        : !Analysis.RUNNING.equals(started.analysis().status) || started.analysis().attempts != attempt
                                ? completion.current(analysisId)
                                : compute(started, steps)
                                        .chain(computed -> completion.complete(analysisId, attempt, computed, steps))
                                        .onFailure().recoverWithUni(failure -> failed(analysisId, attempt, failure, steps)));
    }

    /** Fails an analysis none of whose {@code attempts} attempts finished (each one's lease ran out). */
    public Uni<AnalysisView> giveUp(UUID analysisId, int attempts) {
        LOG.warnf("Analysis %s failed: none of its %d attempts finished", analysisId, attempts);
        return completion.fail(analysisId, attempts, new Analysis.Failure("attempts", "none of " + attempts
                + " attempts finished; each was given up when its lease ran out"), new AnalysisSteps());
    }

    private Uni<AnalysisView> failed(UUID analysisId, int attempt, Throwable failure, AnalysisSteps steps) {
        if (TransientFailures.isTransient(failure)) {
            LOG.warnf("Analysis %s (attempt %d) will be tried again: %s", analysisId, attempt, failure.toString());
            return completion.retryLater(analysisId, attempt, RETRY_AFTER).replaceWith(Uni.createFrom().failure(failure));
        }
        StepFailure step = failure instanceof StepFailure found ? found : new StepFailure("completion", failure);
        LOG.errorf(failure, "Analysis %s failed in step %s", analysisId, step.step());
        return completion.fail(analysisId, attempt, new Analysis.Failure(step.step(), step.reason()), steps);
    }

    private Uni<Computed> compute(Started started, AnalysisSteps steps) {
        Analysis analysis = started.analysis();
        IncidentContext context = started.context();
        return steps.run("incident", () -> Uni.createFrom().item(() -> announced(context)),
                announced -> Outcome.completed(announced.signals().size() + " alert(s)"))
                .chain(announced -> compute(analysis, context, announced, steps));
    }

    private Uni<Computed> compute(Analysis analysis, IncidentContext context, IncidentCreated announced,
            AnalysisSteps steps) {
        IncidentFacts facts = facts(announced);
        return steps.run("memory", () -> Panache.withSession(() -> memories.of(context.tenantId, context.projectId)),
                memory -> Outcome.completed(memory.precedents().size() + " learned incident(s), "
                        + memory.verdicts().size() + " kind(s) of hypothesis judged, "
                        + memory.calibration().describe()
                        + (memory.weights().equals(ConfidenceWeights.DEFAULT) ? ""
                                : ", the project's own confidence weights")))
                .chain(memory -> steps.run("context", () -> operations(context, facts.startedAt()),
                        AnalysisRunner::contextOutcome).map(found -> facts.with(found).with(memory)))
                .chain(known -> steps.run("ranking", () -> Uni.createFrom().item(() -> reasoner.prepare(known)),
                        prepared -> Outcome.completed(prepared.seriesSummaries().size() + " series judged"))
                        .chain(prepared -> steps.run("llm", () -> llm.propose(scopeOf(analysis), known, prepared.pool()),
                                proposal -> new Outcome(proposal.status(), proposal.detail()))
                                .chain(proposal -> steps.run("reasoning",
                                        () -> Uni.createFrom().item(() -> reasoner.reason(prepared, proposal.proposals())),
                                        AnalysisRunner::reasoningOutcome))
                                .map(reasoning -> new Computed(announced, prepared, reasoning,
                                        rerunAt(analysis, known)))));
    }

    /**
     * When to run again: an analysis that ran before {@code settle} had passed since the incident
     * began saw too little of what followed, so it runs once more then. Re-runs of that kind and
     * analyses without metrics or a start do not.
     */
    private Instant rerunAt(Analysis analysis, IncidentFacts known) {
        OperationalContext found = known.operations();
        if (Analysis.ON_DATA.equals(analysis.origin) || known.startedAt() == null || found == null || !found.reached()) {
            return null;
        }
        Instant due = known.startedAt().plus(settle);
        return found.to().isBefore(due) ? due : null;
    }

    /** The incident as incidents announced it; refused when it says too little to analyse. */
    private IncidentCreated announced(IncidentContext context) {
        IncidentCreated announced = codec.fromData(context.snapshot, IncidentCreated.class);
        if (announced.incident() == null || announced.incident().id() == null) {
            throw new IllegalArgumentException("the announced incident has no incident id: " + context.snapshot);
        }
        return announced;
    }

    /** What the completion needs from the computation. */
    record Computed(IncidentCreated announced, PreparedFacts prepared, Reasoning reasoning, Instant rerunAt) {
    }

    private record Started(Analysis analysis, IncidentContext context) {
    }

    private static Outcome contextOutcome(OperationalContext operations) {
        if (operations == null) {
            return new Outcome("skipped", "the incident has no start to look around");
        }
        if (!operations.reached()) {
            return new Outcome("unavailable", operations.unavailable());
        }
        return Outcome.completed(operations.series().size() + " series, " + operations.changes().size()
                + " change(s), " + operations.graph().edges().size() + " call edge(s) from " + operations.from()
                + " to " + operations.to());
    }

    private static Outcome reasoningOutcome(Reasoning reasoning) {
        return Outcome.completed(reasoning.hypotheses().size() + " hypothesis(es)" + (reasoning.hypotheses().isEmpty()
                ? "" : String.format(java.util.Locale.ROOT, ", the first at %.3f", reasoning.hypotheses().get(0).confidence()))
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
        IncidentSummary incident = announced.incident();
        List<SignalFact> signals = announced.signals().stream()
                .map(signal -> new SignalFact(signal.id(), signal.alertname(), signal.service(), signal.severity(),
                        signal.status(), signal.startsAt(), signal.labels(), signal.annotations()))
                .toList();
        return new IncidentFacts(incident.id(), incident.title(), incident.service(), incident.severity(),
                incident.startedAt(), signals);
    }
}
