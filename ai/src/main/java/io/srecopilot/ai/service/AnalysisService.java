package io.srecopilot.ai.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.srecopilot.ai.Analysis;
import io.srecopilot.ai.AnalysisView;
import io.srecopilot.ai.IncidentContext;
import io.srecopilot.ai.reasoning.DeterministicReasoner;
import io.srecopilot.ai.repository.AnalysisRepository;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.catalog.IncidentCreated;
import io.srecopilot.platform.persistence.UniqueViolations;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Keeps incidents' context and starts their analyses: on announcement, on request, and once more
 * when the metrics around an incident have arrived. Starting is one transaction (the analysis
 * row, held by a lease, and {@code analysis.started}); the {@link AnalysisRunner} does the rest.
 * One analysis of an incident runs at a time (a unique index on running analyses).
 */
@ApplicationScoped
public class AnalysisService {

    private static final Actor AI = Actor.system("ai");

    private final AnalysisRepository analyses;
    private final AnalysisEvents events;
    private final EventCodec codec;
    private final AnalysisRunner runner;
    private final Duration lease;

    public AnalysisService(AnalysisRepository analyses, AnalysisEvents events, EventCodec codec, AnalysisRunner runner,
            AnalysisConfig config) {
        this.analyses = analyses;
        this.events = events;
        this.codec = codec;
        this.runner = runner;
        this.lease = config.lease();
    }

    /**
     * Stores the announced incident's context and starts its analysis, in the consumer's
     * transaction. Emits the started analysis, or null when one of the incident is already running
     * (it covers this one).
     */
    public Uni<Analysis> startForNewIncident(EventEnvelope event) {
        IncidentCreated created = codec.fromData(event.data(), IncidentCreated.class);
        return IncidentContext.<IncidentContext>findById(created.incident().id())
                .chain(existing -> existing != null ? Uni.createFrom().item(existing)
                        : newContext(event, created).persist().map(IncidentContext.class::cast))
                .chain(context -> runningOf(context.incidentId).chain(running -> running != null
                        ? Uni.createFrom().<Analysis>nullItem() : start(context, Analysis.ON_INCIDENT, AI)));
    }

    /** Runs the analysis again and answers with its outcome; 409 while another analysis of it is running. */
    public Uni<AnalysisView> rerun(Caller caller, UUID incidentId) {
        return Panache.withTransaction(() -> analyses.contextFor(caller.tenantId(), caller.projectId(), incidentId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("incident", incidentId))
                .chain(context -> runningOf(incidentId).chain(running -> {
                    if (running != null) {
                        return Uni.createFrom().failure(alreadyRunning());
                    }
                    return start(context, Analysis.ON_REQUEST, caller.actor()).call(Panache::flush);
                })))
                .onFailure(UniqueViolations::isUniqueViolation).transform(failure -> alreadyRunning())
                .chain(started -> runner.run(started.id, started.attempts));
    }

    /**
     * Starts the one extra run of an analysis whose metrics were not all in, in its own
     * transaction; emits it, or null when it is not due (any more) or another analysis is running.
     */
    public Uni<Analysis> startOnArrivedData(UUID analysisId) {
        return Panache.withTransaction(() -> analyses.findById(analysisId).chain(earlier -> {
            if (earlier == null || earlier.rerunAt == null) {
                return Uni.createFrom().nullItem();
            }
            earlier.rerunAt = null;
            return runningOf(earlier.incidentId).chain(running -> running != null ? Uni.createFrom().<Analysis>nullItem()
                    : IncidentContext.<IncidentContext>findById(earlier.incidentId)
                            .chain(context -> start(context, Analysis.ON_DATA, AI)));
        }));
    }

    public Uni<AnalysisView> latest(Caller caller, UUID incidentId) {
        return analyses.latestFor(caller.tenantId(), caller.projectId(), incidentId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("analysis of incident", incidentId))
                .chain(analysis -> analyses.hypothesesOf(analysis.id).map(found -> AnalysisView.of(analysis, found)));
    }

    /** The incident's running analysis, or null. */
    private static Uni<Analysis> runningOf(UUID incidentId) {
        return Analysis.<Analysis>find("incidentId = ?1 and status = ?2", incidentId, Analysis.RUNNING).firstResult();
    }

    private Uni<Analysis> start(IncidentContext context, String origin, Actor actor) {
        Analysis analysis = Analysis.start(context, DeterministicReasoner.NAME, codec.toData(List.of()), origin, actor,
                Timestamps.now().plus(lease));
        return analysis.persist().call(() -> events.started(analysis)).replaceWith(analysis);
    }

    private static ProblemException alreadyRunning() {
        return ProblemException.conflict(
                "an analysis of this incident is already running; its result will replace the current one");
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
