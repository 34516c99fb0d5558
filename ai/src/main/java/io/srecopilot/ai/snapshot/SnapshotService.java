package io.srecopilot.ai.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.srecopilot.ai.Analysis;
import io.srecopilot.ai.context.OperationalContext;
import io.srecopilot.ai.reasoning.IncidentFacts;
import io.srecopilot.ai.reasoning.PreparedFacts;
import io.srecopilot.ai.reasoning.Reasoning;
import io.srecopilot.platform.events.catalog.IncidentCreated;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.security.Caller;
import io.srecopilot.platform.security.Hashes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Takes each analysis' context snapshot once, and shows it to the project with its hash re-checked. */
@ApplicationScoped
public class SnapshotService {

    private final ObjectMapper json;

    public SnapshotService(ObjectMapper json) {
        this.json = json;
    }

    /** Joins the analysis' transaction; emits the snapshot's SHA-256. */
    public Uni<String> take(Analysis analysis, IncidentCreated announced, PreparedFacts prepared) {
        IncidentFacts facts = prepared.facts();
        OperationalContext operations = facts.operations();
        List<String> services = Stream.concat(facts.signals().stream().map(signal -> signal.service()),
                Stream.concat(Stream.of(facts.service()), operations == null ? Stream.empty()
                        : operations.series().stream().map(series -> series.service())))
                .filter(Objects::nonNull).collect(Collectors.toCollection(TreeSet::new)).stream().toList();
        ContextSnapshot snapshot = new ContextSnapshot(json.valueToTree(announced.incident()),
                json.valueToTree(announced.signals()), services, operations == null ? null : operations.from(),
                operations == null ? null : operations.to(), operations == null ? null : operations.unavailable(),
                operations == null ? List.of() : operations.changes(),
                operations == null ? List.of() : operations.topology(),
                prepared.seriesSummaries(),
                prepared.pool().items().stream().filter(Reasoning.Evidence::isPrecedent).toList(),
                facts.memory().weights());
        AnalysisSnapshot stored = new AnalysisSnapshot();
        stored.analysisId = analysis.id;
        stored.tenantId = analysis.tenantId;
        stored.projectId = analysis.projectId;
        stored.incidentId = analysis.incidentId;
        stored.content = write(snapshot);
        stored.sha256 = Hashes.sha256Hex(stored.content);
        stored.takenAt = Timestamps.now();
        return stored.persist().replaceWith(stored.sha256);
    }

    @WithSession
    public Uni<SnapshotView> of(Caller caller, UUID analysisId) {
        return AnalysisSnapshot.<AnalysisSnapshot>find("analysisId = ?1 and tenantId = ?2 and projectId = ?3", analysisId,
                caller.tenantId(), caller.projectId()).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("analysis snapshot", analysisId))
                .map(stored -> new SnapshotView(stored.analysisId, stored.incidentId, stored.takenAt, stored.sha256,
                        Hashes.sha256Hex(stored.content).equals(stored.sha256), read(stored.content)));
    }

    private String write(ContextSnapshot snapshot) {
        try {
            return json.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A snapshot is plain records and always serialises", e);
        }
    }

    private JsonNode read(String content) {
        try {
            return json.readTree(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored snapshot is JSON this service wrote", e);
        }
    }
}
