package io.srecopilot.ingest.rest;

import io.smallrye.mutiny.Uni;
import io.srecopilot.ingest.event.EventIngestService;
import io.srecopilot.ingest.event.EventReceipt;
import io.srecopilot.ingest.event.GenericEvent;
import io.srecopilot.platform.security.CallerContext;
import io.srecopilot.platform.security.Roles;
import io.srecopilot.platform.security.Scopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Generic events with PagerDuty Events API v2 semantics; 202 once committed. */
@Path("/api/v1/ingest/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    private static final int ACCEPTED = 202;

    private final EventIngestService service;
    private final CallerContext callerContext;

    public EventResource(EventIngestService service, CallerContext callerContext) {
        this.service = service;
        this.callerContext = callerContext;
    }

    @POST
    @RolesAllowed({ Scopes.INGEST_WRITE, Roles.ENGINEER })
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(ACCEPTED)
    public Uni<EventReceipt> receive(@Valid @NotNull GenericEvent event) {
        return service.receive(callerContext.get(), event);
    }
}
