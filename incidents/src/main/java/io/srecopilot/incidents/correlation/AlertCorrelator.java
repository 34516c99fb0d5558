package io.srecopilot.incidents.correlation;

import io.smallrye.mutiny.Uni;
import io.srecopilot.incidents.Incident;
import io.srecopilot.incidents.IncidentAlertGroup;
import io.srecopilot.incidents.IncidentSignal;
import io.srecopilot.incidents.IncidentState;
import io.srecopilot.incidents.repository.AlertGroupLinkRepository;
import io.srecopilot.incidents.repository.IncidentRepository;
import io.srecopilot.incidents.service.AlertAttachment;
import io.srecopilot.incidents.service.AlertGroupAttacher;
import io.srecopilot.incidents.service.AttachedGroupChanges;
import io.srecopilot.incidents.service.IncidentLifecycle;
import io.srecopilot.incidents.service.IncidentService;
import io.srecopilot.incidents.service.SystemActors;
import io.srecopilot.incidents.settings.ProjectSettings;
import io.srecopilot.incidents.settings.ProjectSettingsRepository;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.catalog.AlertGroupChanged;
import io.srecopilot.platform.events.catalog.EventTypes;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.stream.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Turns ingest's alert groups into incidents: a new group opens an incident unless an open
 * incident of the same service had alerts within the project's window, which it then joins; a
 * group that fires again reopens its incident if it was resolved within the window; when every
 * group of an incident has resolved, the incident resolves (if the project wants that).
 * Correlation of one project's service runs one event at a time (its ordering key, and a lock).
 */
@ApplicationScoped
public class AlertCorrelator implements EventHandler {

    private static final Actor CORRELATION = SystemActors.CORRELATION;
    private static final Set<String> TYPES = Set.of(EventTypes.ALERT_GROUP_OPENED, EventTypes.ALERT_GROUP_UPDATED, EventTypes.ALERT_GROUP_RESOLVED);

    private final IncidentRepository incidents;
    private final AlertGroupLinkRepository links;
    private final ProjectSettingsRepository settings;
    private final IncidentService service;
    private final AlertGroupAttacher attacher;
    private final IncidentLifecycle lifecycle;
    private final AttachedGroupChanges attachedGroups;
    private final EventCodec codec;

    public AlertCorrelator(IncidentRepository incidents, AlertGroupLinkRepository links,
            ProjectSettingsRepository settings, IncidentService service, AlertGroupAttacher attacher,
            IncidentLifecycle lifecycle, AttachedGroupChanges attachedGroups, EventCodec codec) {
        this.incidents = incidents;
        this.links = links;
        this.settings = settings;
        this.service = service;
        this.attacher = attacher;
        this.lifecycle = lifecycle;
        this.attachedGroups = attachedGroups;
        this.codec = codec;
    }

    /**
     * {@inheritDoc} Per project and service: correlation decides between the groups of one service
     * (join its open incident or open one), so they go one after another; other services at once.
     */
    @Override
    public String orderingKey(EventEnvelope event) {
        return EventHandler.projectKey(event) + "/service:" + AlertGroups.service(codec.fromData(event.data(), AlertGroupChanged.class));
    }

    @Override
    public boolean accepts(String eventType) {
        return TYPES.contains(eventType);
    }

    @Override
    public Uni<Void> handle(EventEnvelope event) {
        AlertGroupChanged group = codec.fromData(event.data(), AlertGroupChanged.class);
        Context context = new Context(event, group, AlertGroups.service(group));
        return incidents.lockCorrelation(event.projectId(), context.service())
                .chain(() -> settings.forProject(event.tenantId(), event.projectId()))
                .chain(projectSettings -> links.latestFor(event.projectId(), group.groupId())
                        .chain(link -> route(context.with(projectSettings), link)));
    }

    private Uni<Void> route(Context context, IncidentAlertGroup link) {
        if (!AlertGroups.isFiring(context.group())) {
            return link == null ? Uni.createFrom().voidItem()
                    : attachedGroups.resolve(link, context.signals(), context.settings());
        }
        if (link == null) {
            return correlateNewGroup(context);
        }
        return incidents.findById(link.incidentId).chain(incident -> continueFiring(context, link, incident));
    }

    /** A group no incident stands for yet: join an open incident of its service, or open one. */
    private Uni<Void> correlateNewGroup(Context context) {
        if (context.service() == null) {
            return open(context, CorrelationReason.NEW_ALERT_GROUP);
        }
        Instant since = Timestamps.now().minus(context.settings().window());
        return incidents.findOpenForService(context.event().projectId(), context.service(), since)
                .chain(open -> open == null ? open(context, CorrelationReason.NEW_ALERT_GROUP)
                        : attacher.attach(open, context.attachment(CorrelationReason.SAME_SERVICE_WITHIN_WINDOW), CORRELATION)
                                .replaceWithVoid());
    }

    /**
     * A known group firing (again, or with more alerts): its open incident takes the alerts; a
     * resolved one reopens within the window; after the window, or once learned, it starts anew.
     */
    private Uni<Void> continueFiring(Context context, IncidentAlertGroup link, Incident incident) {
        Instant now = Timestamps.now();
        if (incident.state.isOpen()) {
            return attachedGroups.refire(incident, link, context.signals(), now);
        }
        boolean withinWindow = incident.state == IncidentState.RESOLVED
                && !incident.resolvedAt.isBefore(now.minus(context.settings().window()));
        if (!withinWindow) {
            return open(context, CorrelationReason.REFIRED_AFTER_WINDOW);
        }
        String reason = "Alert group fired again within " + CorrelationReason.describe(context.settings().window())
                + " of resolution";
        return lifecycle.move(incident, IncidentState.INVESTIGATING, CORRELATION, reason)
                .chain(reopened -> attachedGroups.refire(reopened, link, context.signals(), now));
    }

    private Uni<Void> open(Context context, String rule) {
        return service.open(context.event().tenantId(), context.event().projectId(),
                IncidentDrafts.from(context.group(), context.service()), context.attachment(rule), CORRELATION)
                .replaceWithVoid();
    }

    /** What one event's correlation works with. */
    private record Context(EventEnvelope event, AlertGroupChanged group, String service, ProjectSettings settings) {

        Context(EventEnvelope event, AlertGroupChanged group, String service) {
            this(event, group, service, null);
        }

        Context with(ProjectSettings projectSettings) {
            return new Context(event, group, service, projectSettings);
        }

        AlertAttachment attachment(String rule) {
            return new AlertAttachment(group.groupId(), service,
                    CorrelationReason.of(rule, group, service, settings.window()), signals());
        }

        List<IncidentSignal> signals() {
            return AlertGroups.incidentSignals(group, event.tenantId(), event.projectId());
        }
    }
}
