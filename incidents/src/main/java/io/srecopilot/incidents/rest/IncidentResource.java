package io.srecopilot.incidents.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.srecopilot.incidents.Incident;
import io.srecopilot.incidents.IncidentLabels;
import io.srecopilot.incidents.IncidentView;
import io.srecopilot.incidents.SignalView;
import io.srecopilot.incidents.service.AlertAttachment;
import io.srecopilot.incidents.service.IncidentPatch;
import io.srecopilot.incidents.service.IncidentService;
import io.srecopilot.incidents.service.NewIncident;
import io.srecopilot.platform.problem.FieldError;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.problem.ProblemType;
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
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The active project's incidents. Reads answer an {@code ETag} (the version); changes honour
 * {@code If-Match} with 412, and a change racing another one gets 409.
 */
@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {

    static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private final IncidentService service;
    private final CallerContext callerContext;

    public IncidentResource(IncidentService service, CallerContext callerContext) {
        this.service = service;
        this.callerContext = callerContext;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Uni<Page<IncidentView>> list(@BeanParam IncidentFilters filters,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageLimits.MAX) int limit) {
        return service.page(filters.toQuery(callerContext.get(), limit), limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    public Uni<RestResponse<IncidentView>> get(@PathParam("id") UUID id) {
        return service.view(callerContext.get(), id).map(IncidentResource::withEtag);
    }

    @POST
    @RolesAllowed(Roles.ENGINEER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<IncidentView>> create(@Valid @NotNull CreateIncidentRequest request, UriInfo uriInfo) {
        List<FieldError> labelErrors = IncidentLabels.errors("labels", request.labels());
        if (!labelErrors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The labels are not valid", labelErrors);
        }
        Caller caller = callerContext.get();
        NewIncident draft = new NewIncident(request.title().strip(), request.description(), blankToNull(request.service()),
                request.severity(), request.startedAt(), Incident.SOURCE_MANUAL, request.labels());
        return service.open(caller.tenantId(), caller.projectId(), draft, AlertAttachment.NONE, caller.actor())
                .map(incident -> RestResponse.ResponseBuilder.<IncidentView>created(
                        uriInfo.getAbsolutePathBuilder().path(incident.id().toString()).build())
                        .entity(incident).header(HttpHeaders.ETAG, IfMatch.etag(incident.version())).build());
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.ENGINEER)
    @Consumes({ MediaType.APPLICATION_JSON, MERGE_PATCH_JSON })
    public Uni<RestResponse<IncidentView>> update(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode body) {
        IncidentPatch patch = IncidentPatch.parse(body);
        return service.update(callerContext.get(), id, IfMatch.expectedVersion(ifMatch), patch)
                .map(IncidentResource::withEtag);
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed(Roles.ENGINEER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<IncidentView>> transition(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull TransitionRequest request) {
        return service.transition(callerContext.get(), id, IfMatch.expectedVersion(ifMatch), request.to(),
                request.reason()).map(IncidentResource::withEtag);
    }

    @GET
    @Path("/{id}/timeline")
    @RolesAllowed(Roles.VIEWER)
    public Uni<Items<TimelineEntryView>> timeline(@PathParam("id") UUID id) {
        return service.timeline(callerContext.get(), id)
                .map(entries -> new Items<>(entries.stream().map(TimelineEntryView::of).toList()));
    }

    @POST
    @Path("/{id}/comments")
    @RolesAllowed(Roles.ENGINEER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<TimelineEntryView>> comment(@PathParam("id") UUID id, @Valid @NotNull CommentRequest request) {
        return service.comment(callerContext.get(), id, request.body())
                .map(entry -> RestResponse.status(RestResponse.Status.CREATED, TimelineEntryView.of(entry)));
    }

    @GET
    @Path("/{id}/signals")
    @RolesAllowed(Roles.VIEWER)
    public Uni<Items<SignalView>> signals(@PathParam("id") UUID id) {
        return service.signals(callerContext.get(), id)
                .map(signals -> new Items<>(signals.stream().map(SignalView::of).toList()));
    }

    private static RestResponse<IncidentView> withEtag(IncidentView incident) {
        return RestResponse.ResponseBuilder.ok(incident).header(HttpHeaders.ETAG, IfMatch.etag(incident.version())).build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
