package io.srecopilot.incidents.postmortem;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.srecopilot.incidents.Incident;
import io.srecopilot.incidents.TimelineEntry;
import io.srecopilot.incidents.repository.TimelineRepository;
import io.srecopilot.incidents.service.IncidentEvents;
import io.srecopilot.incidents.service.IncidentService;
import io.srecopilot.platform.audit.ChangeRecorder;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Writes, reads and exports the caller's incidents' postmortems. */
@ApplicationScoped
public class PostmortemService {

    private final IncidentService incidents;
    private final TimelineRepository timeline;
    private final IncidentEvents events;
    private final ChangeRecorder audited;

    public PostmortemService(IncidentService incidents, TimelineRepository timeline, IncidentEvents events,
            ChangeRecorder audited) {
        this.audited = audited;
        this.incidents = incidents;
        this.timeline = timeline;
        this.events = events;
    }

    @WithSession
    public Uni<PostmortemView> get(Caller caller, UUID incidentId) {
        return incidents.get(caller, incidentId).chain(incident -> find(incident)
                .map(postmortem -> PostmortemView.of(incident, postmortem)));
    }

    @WithSession
    public Uni<String> markdown(Caller caller, UUID incidentId) {
        return incidents.get(caller, incidentId).chain(incident -> find(incident)
                .chain(postmortem -> timeline.forIncident(incident.id)
                        .map(entries -> PostmortemMarkdown.render(incident, postmortem, entries))));
    }

    /** Writes or replaces the postmortem; {@code expectedVersion} (If-Match) guards against overwriting a colleague. */
    @WithTransaction
    public Uni<PostmortemView> write(Caller caller, UUID incidentId, Long expectedVersion, PostmortemRequest request) {
        return incidents.get(caller, incidentId).chain(incident -> Postmortem.<Postmortem>findById(incident.id)
                .chain(existing -> {
                    if (existing != null && expectedVersion != null && existing.version != expectedVersion) {
                        throw ProblemException.preconditionFailed("The postmortem of " + incident.reference()
                                + " is at version " + existing.version + ", not " + expectedVersion + "; reload it");
                    }
                    audited.before(existing == null ? null : PostmortemView.of(incident, existing));
                    Postmortem postmortem = existing != null ? existing : newPostmortem(incident, caller);
                    fill(postmortem, request, caller);
                    String action = existing == null ? "written" : "revised";
                    ObjectNode changes = JsonNodeFactory.instance.objectNode();
                    changes.putObject("postmortem").put("action", action)
                            .put("completeForLearned", postmortem.missingForLearned().isEmpty());
                    return postmortem.<Postmortem>persistAndFlush()
                            .call(() -> TimelineEntry.of(incident, TimelineEntry.POSTMORTEM, caller.actor(),
                                    "Postmortem " + action, changes.deepCopy()).persist())
                            .call(() -> incidents.announce(incident, changes, caller.actor()))
                            .map(saved -> PostmortemView.of(incident, saved));
                }));
    }

    private static Uni<Postmortem> find(Incident incident) {
        return Postmortem.<Postmortem>findById(incident.id).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("postmortem for", incident.reference()));
    }

    private static Postmortem newPostmortem(Incident incident, Caller caller) {
        Postmortem postmortem = new Postmortem();
        postmortem.incidentId = incident.id;
        postmortem.tenantId = incident.tenantId;
        postmortem.projectId = incident.projectId;
        postmortem.createdAt = Timestamps.now();
        return postmortem;
    }

    private static void fill(Postmortem postmortem, PostmortemRequest request, Caller caller) {
        postmortem.summary = request.summary().strip();
        postmortem.impact = request.impact();
        postmortem.rootCause = request.rootCause();
        postmortem.confirmedHypothesisId = request.confirmedHypothesis() == null ? null : request.confirmedHypothesis().id();
        postmortem.confirmedHypothesisClaim = request.confirmedHypothesis() == null ? null
                : request.confirmedHypothesis().claim();
        List<Postmortem.ActionItem> items = request.actionItems() == null ? List.of()
                : request.actionItems().stream().map(item -> new Postmortem.ActionItem(
                        item.id() == null ? UUID.randomUUID() : item.id(), item.description().strip(), item.owner(),
                        item.dueDate(), item.status() == null ? "open" : item.status())).toList();
        postmortem.details = new Postmortem.Details(request.contributingFactors(), items);
        postmortem.authorId = caller.actor().id();
        postmortem.updatedAt = Timestamps.now();
    }
}
