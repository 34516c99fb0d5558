package io.srecopilot.incidents.settings;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.audit.ChangeRecorder;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.ResourceRef;
import io.srecopilot.platform.events.catalog.EventTypes;
import io.srecopilot.platform.outbox.Outbox;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.security.Caller;
import io.srecopilot.platform.security.CallerContext;
import io.srecopilot.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The active project's correlation settings: everyone reads them, admins change them. */
@Path("/api/v1/incidents/settings")
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {

    private final ProjectSettingsRepository settings;
    private final CallerContext callerContext;
    private final Outbox outbox;
    private final EventCodec codec;
    private final ChangeRecorder audited;

    public SettingsResource(ProjectSettingsRepository settings, CallerContext callerContext, Outbox outbox,
            EventCodec codec, ChangeRecorder audited) {
        this.audited = audited;
        this.settings = settings;
        this.callerContext = callerContext;
        this.outbox = outbox;
        this.codec = codec;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Uni<SettingsView> get() {
        Caller caller = callerContext.get();
        return settings.forProject(caller.tenantId(), caller.projectId()).map(SettingsView::of);
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    public Uni<SettingsView> replace(@Valid @NotNull SettingsRequest request) {
        Caller caller = callerContext.get();
        return settings.forProject(caller.tenantId(), caller.projectId()).chain(current -> {
            audited.before(SettingsView.of(current));
            current.correlationWindowSeconds = request.correlationWindowSeconds();
            current.autoResolve = request.autoResolve();
            current.updatedAt = Timestamps.now();
            SettingsView view = SettingsView.of(current);
            return settings.persist(current)
                    .call(() -> outbox.append(EventEnvelope.create(EventTypes.INCIDENT_SETTINGS_UPDATED, caller.tenantId(),
                            caller.projectId(), caller.actor(),
                            new ResourceRef("incident-settings", caller.projectId().toString()), codec.toData(view))))
                    .replaceWith(view);
        });
    }
}
