package io.srecopilot.ai.runbook;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.srecopilot.ai.repository.AnalysisRepository;
import io.srecopilot.platform.audit.ChangeRecorder;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.ResourceRef;
import io.srecopilot.platform.events.catalog.EventTypes;
import io.srecopilot.platform.outbox.Outbox;
import io.srecopilot.platform.persistence.UniqueViolations;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A project's runbooks: written by admins, read by anyone in the project, marked as followed on
 * an incident by engineers; each change announced ({@code runbook.created|updated|deleted|used}).
 */
@ApplicationScoped
public class RunbookService {

    private final Outbox outbox;
    private final EventCodec codec;
    private final AnalysisRepository analyses;
    private final ChangeRecorder audited;

    public RunbookService(Outbox outbox, EventCodec codec, AnalysisRepository analyses, ChangeRecorder audited) {
        this.audited = audited;
        this.outbox = outbox;
        this.codec = codec;
        this.analyses = analyses;
    }

    @WithSession
    public Uni<List<RunbookView>> list(Caller caller) {
        return Runbook.<Runbook>find("tenantId = ?1 and projectId = ?2 order by title", caller.tenantId(),
                caller.projectId()).list().map(runbooks -> runbooks.stream().map(RunbookView::of).toList());
    }

    @WithSession
    public Uni<RunbookView> get(Caller caller, UUID id) {
        return find(caller, id).map(RunbookView::of);
    }

    @WithTransaction
    public Uni<RunbookView> create(Caller caller, RunbookRequest request) {
        Runbook runbook = new Runbook();
        runbook.id = UUID.randomUUID();
        runbook.tenantId = caller.tenantId();
        runbook.projectId = caller.projectId();
        runbook.createdAt = Timestamps.now();
        apply(runbook, request);
        return persistUnique(runbook).call(view -> announce(EventTypes.RUNBOOK_CREATED, runbook, caller.actor(), view));
    }

    @WithTransaction
    public Uni<RunbookView> update(Caller caller, UUID id, RunbookRequest request) {
        return find(caller, id).chain(runbook -> {
            audited.before(RunbookView.of(runbook));
            apply(runbook, request);
            return persistUnique(runbook).call(view -> announce(EventTypes.RUNBOOK_UPDATED, runbook, caller.actor(), view));
        });
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, UUID id) {
        return find(caller, id).invoke(runbook -> audited.before(RunbookView.of(runbook)))
                .call(runbook -> announce(EventTypes.RUNBOOK_DELETED, runbook, caller.actor(), RunbookView.of(runbook)))
                .chain(Runbook::delete);
    }

    /** Records that the caller followed the runbook on one of the project's incidents; once per incident. */
    @WithTransaction
    public Uni<RunbookUse> markUsed(Caller caller, UUID id, UUID incidentId) {
        RunbookUse use = new RunbookUse(id, incidentId, caller.actor().id(), Timestamps.now());
        return find(caller, id)
                .call(() -> analyses.contextFor(caller.tenantId(), caller.projectId(), incidentId).onItem().ifNull()
                        .failWith(() -> ProblemException.notFound("incident", incidentId)))
                .chain(runbook -> Panache.getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO runbook_use (runbook_id, incident_id, tenant_id, project_id, used_by, used_at)
                        VALUES (:runbook, :incident, :tenant, :project, :by, :at) ON CONFLICT DO NOTHING""")
                        .setParameter("runbook", id).setParameter("incident", incidentId)
                        .setParameter("tenant", caller.tenantId()).setParameter("project", caller.projectId())
                        .setParameter("by", use.usedBy()).setParameter("at", use.usedAt()).executeUpdate())
                        .chain(inserted -> inserted == 0 ? Uni.createFrom().voidItem()
                                : announce(EventTypes.RUNBOOK_USED, runbook, caller.actor(), use)))
                .replaceWith(use);
    }

    /** The project's runbooks with how often each was followed and what resolving took then; joins the session. */
    public Uni<List<RunbookRecord>> records(UUID tenantId, UUID projectId) {
        return Runbook.<Runbook>find("tenantId = ?1 and projectId = ?2", tenantId, projectId).list()
                .chain(runbooks -> runbooks.isEmpty() ? Uni.createFrom().item(List.<RunbookRecord>of())
                        : Panache.getSession().chain(session -> session.createNativeQuery("""
                                SELECT CAST(u.runbook_id AS text), COUNT(*),
                                       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY p.mttr_seconds)
                                FROM runbook_use u LEFT JOIN precedent p ON p.incident_id = u.incident_id
                                WHERE u.tenant_id = :tenant AND u.project_id = :project
                                GROUP BY u.runbook_id""", Object[].class)
                                .setParameter("tenant", tenantId).setParameter("project", projectId).getResultList())
                                .map(rows -> {
                                    Map<String, Object[]> uses = rows.stream()
                                            .collect(Collectors.toMap(row -> (String) row[0], Function.identity()));
                                    return runbooks.stream().map(runbook -> {
                                        Object[] row = uses.get(runbook.id.toString());
                                        return row == null ? new RunbookRecord(runbook, 0, null)
                                                : new RunbookRecord(runbook, ((Number) row[1]).longValue(),
                                                        row[2] == null ? null : Math.round(((Number) row[2]).doubleValue()));
                                    }).toList();
                                }));
    }

    private static Uni<Runbook> find(Caller caller, UUID id) {
        return Runbook.<Runbook>find("id = ?1 and tenantId = ?2 and projectId = ?3", id, caller.tenantId(),
                caller.projectId()).firstResult().onItem().ifNull().failWith(() -> ProblemException.notFound("runbook", id));
    }

    private static void apply(Runbook runbook, RunbookRequest request) {
        runbook.title = request.title().trim();
        runbook.description = request.description();
        runbook.steps = request.steps();
        runbook.matching = new RunbookMatching(request.tags(), request.services() == null ? null
                : request.services().stream().map(String::trim).toList(), request.alertPatterns());
        runbook.riskLevel = request.riskLevel();
        runbook.updatedAt = Timestamps.now();
    }

    private static Uni<RunbookView> persistUnique(Runbook runbook) {
        return runbook.<Runbook>persistAndFlush().map(RunbookView::of)
                .onFailure(UniqueViolations::isUniqueViolation).transform(e -> ProblemException.conflict(
                        "A runbook titled '" + runbook.title + "' exists already in this project"));
    }

    private Uni<Void> announce(String type, Runbook runbook, Actor actor, Object data) {
        return outbox.append(EventEnvelope.create(type, runbook.tenantId, runbook.projectId, actor,
                new ResourceRef("runbook", runbook.id.toString()), codec.toData(data)));
    }
}
