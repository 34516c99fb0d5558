package io.srecopilot.incidents.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.srecopilot.incidents.Incident;
import io.srecopilot.incidents.IncidentSignal;
import io.srecopilot.incidents.IncidentState;
import io.srecopilot.incidents.IncidentView;
import io.srecopilot.incidents.TimelineEntry;
import io.srecopilot.incidents.repository.AlertGroupLinkRepository;
import io.srecopilot.incidents.repository.IncidentQuery;
import io.srecopilot.incidents.repository.IncidentRepository;
import io.srecopilot.incidents.repository.TimelineRepository;
import io.srecopilot.platform.audit.ChangeRecorder;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.rest.Page;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Opens, edits and moves the caller's incidents; every change is on the timeline and emitted. */
@ApplicationScoped
public class IncidentService {

    private final IncidentRepository incidents;
    private final AlertGroupLinkRepository links;
    private final TimelineRepository timeline;
    private final AlertGroupAttacher attacher;
    private final IncidentLifecycle lifecycle;
    private final IncidentEvents events;
    private final ChangeRecorder audited;

    public IncidentService(IncidentRepository incidents, AlertGroupLinkRepository links, TimelineRepository timeline,
            AlertGroupAttacher attacher, IncidentLifecycle lifecycle, IncidentEvents events, ChangeRecorder audited) {
        this.incidents = incidents;
        this.links = links;
        this.timeline = timeline;
        this.attacher = attacher;
        this.lifecycle = lifecycle;
        this.events = events;
        this.audited = audited;
    }

    /**
     * Opens an incident in DETECTED with the project's next number, standing for the attached
     * alert group if there is one; joins the caller's transaction if there is one.
     */
    @WithTransaction
    public Uni<IncidentView> open(UUID tenantId, UUID projectId, NewIncident draft, AlertAttachment attachment,
            Actor actor) {
        return incidents.nextNumber(projectId).chain(number -> {
            Incident incident = newIncident(tenantId, projectId, number, draft);
            List<UUID> groupIds = attachment.isNone() ? List.of() : List.of(attachment.alertGroupId());
            return incidents.persist(incident)
                    .call(() -> TimelineEntry.of(incident, TimelineEntry.CREATED, actor, createdMessage(draft),
                            JsonNodeFactory.instance.objectNode().put("source", draft.source())).persist())
                    .call(() -> attachment.isNone() ? Uni.createFrom().voidItem()
                            : attacher.persist(incident, attachment, actor))
                    .call(() -> events.created(incident, groupIds, attachment.signals(), actor))
                    .map(persisted -> IncidentView.of(incident, groupIds));
        });
    }

    /** Applies a merge patch; {@code expectedVersion} (from If-Match) may be null to skip the check. */
    @WithTransaction
    public Uni<IncidentView> update(Caller caller, UUID id, Long expectedVersion, IncidentPatch patch) {
        return get(caller, id).chain(incident -> {
            checkVersion(incident, expectedVersion);
            return view(incident).invoke(audited::before).chain(() -> change(incident, patch, caller.actor()))
                    .chain(changes -> view(incident));
        });
    }

    /**
     * Applies a patch to an incident already loaded (joins the caller's transaction): timeline and
     * {@code incident.updated} when something really changed. Emits {@code {field: {from, to}}}.
     */
    public Uni<ObjectNode> change(Incident incident, IncidentPatch patch, Actor actor) {
        ObjectNode changes = patch.applyTo(incident);
        if (changes.isEmpty()) {
            return Uni.createFrom().item(changes);
        }
        incident.updatedAt = Timestamps.now();
        return lifecycle.flush(incident)
                .call(() -> TimelineEntry.of(incident, TimelineEntry.UPDATED, actor,
                        "Changed " + String.join(", ", (Iterable<String>) changes::fieldNames),
                        JsonNodeFactory.instance.objectNode().set("changes", changes)).persist())
                .call(() -> events.updated(incident, changes, actor))
                .replaceWith(changes);
    }

    @WithTransaction
    public Uni<IncidentView> transition(Caller caller, UUID id, Long expectedVersion, IncidentState target,
            String reason) {
        return get(caller, id).chain(incident -> {
            checkVersion(incident, expectedVersion);
            return view(incident).invoke(audited::before)
                    .chain(() -> lifecycle.move(incident, target, caller.actor(), reason));
        }).chain(this::view);
    }

    /** Comments in Markdown on the timeline; the UI renders it sanitized. */
    @WithTransaction
    public Uni<TimelineEntry> comment(Caller caller, UUID id, String markdown) {
        return get(caller, id).chain(incident -> {
            TimelineEntry comment = TimelineEntry.of(incident, TimelineEntry.COMMENT, caller.actor(), markdown,
                    JsonNodeFactory.instance.objectNode().put("format", "markdown"));
            return comment.<TimelineEntry>persist()
                    .call(() -> events.commented(incident, new Comment(comment.id, markdown, comment.occurredAt),
                            caller.actor()));
        });
    }

    /** Announces a change that is not an edit of the incident's fields (a postmortem, an attached group). */
    public Uni<Void> announce(Incident incident, JsonNode changes, Actor actor) {
        return events.updated(incident, changes, actor);
    }

    /** The caller's incident; a missing one, or another tenant's or project's, is a 404. */
    public Uni<Incident> get(Caller caller, UUID id) {
        return incidents.findInProject(caller.tenantId(), caller.projectId(), id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("incident", id));
    }

    @WithSession
    public Uni<IncidentView> view(Caller caller, UUID id) {
        return get(caller, id).chain(this::view);
    }

    /** A page of the query's incidents, their alert groups loaded in one query. */
    @WithSession
    public Uni<Page<IncidentView>> page(IncidentQuery query, int limit) {
        return incidents.page(query).chain(rows -> links.groupIdsOf(rows.stream().map(row -> row.id).toList())
                .map(groupIds -> Page.of(rows, limit, query.sort()::cursorOf,
                        row -> IncidentView.of(row, groupIds.get(row.id)))));
    }

    public Uni<List<TimelineEntry>> timeline(Caller caller, UUID id) {
        return get(caller, id).chain(incident -> timeline.forIncident(incident.id));
    }

    public Uni<List<IncidentSignal>> signals(Caller caller, UUID id) {
        return get(caller, id).chain(incident -> timeline.signalsOf(incident.id));
    }

    Uni<IncidentView> view(Incident incident) {
        return links.groupIdsOf(incident.id).map(ids -> IncidentView.of(incident, ids));
    }

    /** A comment as {@code incident.commented} carries it. */
    record Comment(UUID id, String body, Instant createdAt) {
    }

    private static void checkVersion(Incident incident, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != incident.version) {
            throw ProblemException.preconditionFailed(incident.reference() + " is at version " + incident.version
                    + ", not " + expectedVersion + " as If-Match says; reload it and retry");
        }
    }

    private static String createdMessage(NewIncident draft) {
        return Incident.SOURCE_MANUAL.equals(draft.source()) ? "Declared" : "Opened from " + draft.source();
    }

    private static Incident newIncident(UUID tenantId, UUID projectId, long number, NewIncident draft) {
        Instant now = Timestamps.now();
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.tenantId = tenantId;
        incident.projectId = projectId;
        incident.number = number;
        incident.title = draft.title();
        incident.description = draft.description();
        incident.service = draft.service();
        incident.severity = draft.severity();
        incident.state = IncidentState.DETECTED;
        incident.source = draft.source();
        incident.labels = draft.labels();
        incident.startedAt = draft.startedAt() == null ? now : Timestamps.of(draft.startedAt());
        incident.detectedAt = now;
        incident.lastSignalAt = now;
        incident.createdAt = now;
        incident.updatedAt = now;
        return incident;
    }
}
