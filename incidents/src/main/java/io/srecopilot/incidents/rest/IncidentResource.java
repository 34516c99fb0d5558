package io.srecopilot.incidents.rest;

import io.smallrye.mutiny.Uni;
import io.srecopilot.incidents.Incident;
import io.srecopilot.incidents.IncidentState;
import io.srecopilot.incidents.IncidentView;
import io.srecopilot.incidents.SignalView;
import io.srecopilot.incidents.repository.IncidentQuery;
import io.srecopilot.incidents.service.IncidentService;
import io.srecopilot.incidents.service.NewIncident;
import io.srecopilot.platform.rest.Cursor;
import io.srecopilot.platform.rest.Page;
import io.srecopilot.platform.rest.PageLimits;
import io.srecopilot.platform.security.Caller;
import io.srecopilot.platform.security.CallerContext;
import io.srecopilot.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/** The active project's incidents. */
@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {

    private final IncidentService service;
    private final CallerContext callerContext;

    public IncidentResource(IncidentService service, CallerContext callerContext) {
        this.service = service;
        this.callerContext = callerContext;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Uni<Page<IncidentView>> list(@QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageLimits.MAX) int limit,
            @QueryParam("state") IncidentState state) {
        Caller caller = callerContext.get();
        IncidentQuery query = new IncidentQuery(caller.tenantId(), caller.projectId(), state, Cursor.decode(cursor), limit + 1);
        return service.page(query).map(rows -> Page.of(rows, limit, row -> new Cursor(row.detectedAt, row.id),
                IncidentView::of));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    public Uni<IncidentView> get(@PathParam("id") UUID id) {
        return service.get(callerContext.get(), id).map(IncidentView::of);
    }

    @POST
    @RolesAllowed(Roles.ENGINEER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<IncidentView>> create(@Valid @NotNull CreateIncidentRequest request, UriInfo uriInfo) {
        Caller caller = callerContext.get();
        NewIncident draft = new NewIncident(request.title().strip(), request.description(), request.service(),
                request.severity(), request.startedAt(), Incident.SOURCE_MANUAL, null);
        return service.open(caller.tenantId(), caller.projectId(), draft, List.of(), caller.actor())
                .map(incident -> RestResponse.ResponseBuilder.<IncidentView>created(
                        uriInfo.getAbsolutePathBuilder().path(incident.id.toString()).build())
                        .entity(IncidentView.of(incident)).build());
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed(Roles.ENGINEER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<IncidentView> transition(@PathParam("id") UUID id, @Valid @NotNull TransitionRequest request) {
        return service.transition(callerContext.get(), id, request.to(), request.reason()).map(IncidentView::of);
    }

    @GET
    @Path("/{id}/timeline")
    @RolesAllowed(Roles.VIEWER)
    public Uni<Items<TimelineEntryView>> timeline(@PathParam("id") UUID id) {
        return service.timeline(callerContext.get(), id)
                .map(entries -> new Items<>(entries.stream().map(TimelineEntryView::of).toList()));
    }

    @GET
    @Path("/{id}/signals")
    @RolesAllowed(Roles.VIEWER)
    public Uni<Items<SignalView>> signals(@PathParam("id") UUID id) {
        return service.signals(callerContext.get(), id)
                .map(signals -> new Items<>(signals.stream().map(SignalView::of).toList()));
    }
}
