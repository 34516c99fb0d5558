package io.srecopilot.ingest.topology;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.srecopilot.ingest.integration.Integration;
import io.srecopilot.ingest.poller.QueryTemplate;
import io.srecopilot.platform.audit.ChangeRecorder;
import io.srecopilot.platform.persistence.UniqueViolations;
import io.srecopilot.platform.problem.FieldError;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.problem.ProblemType;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A project's service topology: the edges people declared, and those Prometheus shows (the
 * well-known service graphs, and templates that name a caller label). Declared edges are kept;
 * inferred ones are read over the range asked, so they follow the system as it changes.
 */
@ApplicationScoped
public class TopologyService {

    private final TopologyInference inference;
    private final ChangeRecorder audited;

    public TopologyService(TopologyInference inference, ChangeRecorder audited) {
        this.inference = inference;
        this.audited = audited;
    }

    /** Declared and inferred edges over the range, each pair once (declared first). */
    public Uni<List<TopologyEdge>> topology(UUID tenantId, UUID projectId, Instant from, Instant to) {
        return stored(tenantId, projectId).chain(stored -> Uni.combine().all()
                .unis(serviceGraphs(stored.integrations().values(), from, to),
                        inference.fromTemplates(stored.templates(), stored.integrations(), from, to))
                .with((graphs, templates) -> merge(stored.declared(), graphs, templates)));
    }

    /** The edges the well-known service graphs on any of {@code integrations} show over the range. */
    public Uni<List<TopologyEdge>> serviceGraphs(Collection<Integration> integrations, Instant from, Instant to) {
        return inference.fromServiceGraphs(integrations, from, to);
    }

    @WithSession
    public Uni<List<TopologyEdge>> declared(UUID tenantId, UUID projectId) {
        return ServiceEdge.<ServiceEdge>find("tenantId = ?1 and projectId = ?2 order by caller, callee", tenantId,
                projectId).list().map(edges -> edges.stream().map(TopologyEdge::of).toList());
    }

    @WithSession
    public Uni<TopologyEdge> find(Caller caller, UUID id) {
        return edge(caller, id).map(TopologyEdge::of);
    }

    @WithTransaction
    public Uni<TopologyEdge> declare(Caller caller, EdgeRequest request) {
        String from = request.caller().trim();
        String to = request.callee().trim();
        if (from.equals(to)) {
            throw new ProblemException(ProblemType.VALIDATION, "A service does not call itself here",
                    List.of(new FieldError("callee", "must differ from caller")));
        }
        ServiceEdge edge = new ServiceEdge();
        edge.id = UUID.randomUUID();
        edge.tenantId = caller.tenantId();
        edge.projectId = caller.projectId();
        edge.caller = from;
        edge.callee = to;
        edge.createdBy = caller.actor().id();
        edge.createdAt = Timestamps.now();
        return edge.<ServiceEdge>persistAndFlush().map(TopologyEdge::of)
                .onFailure(UniqueViolations::isUniqueViolation).transform(e -> ProblemException.conflict(
                        from + " → " + to + " is declared already in this project"));
    }

    @WithTransaction
    public Uni<Void> remove(Caller caller, UUID id) {
        return edge(caller, id).invoke(edge -> audited.before(TopologyEdge.of(edge))).chain(ServiceEdge::delete);
    }

    private static Uni<ServiceEdge> edge(Caller caller, UUID id) {
        return ServiceEdge.<ServiceEdge>find("id = ?1 and tenantId = ?2 and projectId = ?3", id, caller.tenantId(),
                caller.projectId()).firstResult().onItem().ifNull().failWith(() -> ProblemException.notFound("edge", id));
    }

    @WithSession
    Uni<Stored> stored(UUID tenantId, UUID projectId) {
        return declared(tenantId, projectId).chain(declared -> QueryTemplate.<QueryTemplate>find(
                "tenantId = ?1 and projectId = ?2 and enabled = true and callerLabel is not null", tenantId, projectId)
                .list().chain(templates -> Integration.<Integration>find("tenantId = ?1 and projectId = ?2", tenantId,
                        projectId).list().map(integrations -> new Stored(declared, templates, integrations.stream()
                                .collect(Collectors.toMap(integration -> integration.id, Function.identity()))))));
    }

    record Stored(List<TopologyEdge> declared, List<QueryTemplate> templates, Map<UUID, Integration> integrations) {
    }

    /** The edges of all {@code sources}, each caller–callee pair once, as the first source to name it has it. */
    @SafeVarargs
    public static List<TopologyEdge> merge(List<TopologyEdge>... sources) {
        Map<List<String>, TopologyEdge> byPair = new LinkedHashMap<>();
        for (List<TopologyEdge> source : sources) {
            for (TopologyEdge edge : source) {
                byPair.putIfAbsent(List.of(edge.caller(), edge.callee()), edge);
            }
        }
        return new ArrayList<>(byPair.values());
    }
}
