package io.srecopilot.ingest.rest;

import io.smallrye.mutiny.Uni;
import io.srecopilot.ingest.poller.QueryTemplateRequest;
import io.srecopilot.ingest.poller.QueryTemplateService;
import io.srecopilot.ingest.poller.QueryTemplateView;
import io.srecopilot.ingest.poller.TemplateLibrary;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.rest.Page;
import io.srecopilot.platform.security.CallerContext;
import io.srecopilot.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/** The query templates an integration's Prometheus is polled with: read by viewers, written by admins. */
@Path("/api/v1/integrations/{integrationId}/query-templates")
@Produces(MediaType.APPLICATION_JSON)
public class QueryTemplateResource {

    private final QueryTemplateService service;
    private final CallerContext callerContext;

    public QueryTemplateResource(QueryTemplateService service, CallerContext callerContext) {
        this.service = service;
        this.callerContext = callerContext;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Uni<Page<QueryTemplateView>> list(@PathParam("integrationId") UUID integrationId) {
        return service.list(callerContext.get(), integrationId).map(Page::whole);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<QueryTemplateView>> create(@PathParam("integrationId") UUID integrationId,
            @Valid @NotNull QueryTemplateRequest request) {
        return service.create(callerContext.get(), integrationId, request, null).map(QueryTemplateResource::created);
    }

    /** Adds a template of the built-in library as it is; change it afterwards with PUT. */
    @POST
    @Path("library/{libraryId}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<RestResponse<QueryTemplateView>> createFromLibrary(@PathParam("integrationId") UUID integrationId,
            @PathParam("libraryId") String libraryId) {
        TemplateLibrary.Entry entry = TemplateLibrary.find(libraryId)
                .orElseThrow(() -> ProblemException.notFound("library template", libraryId));
        return service.create(callerContext.get(), integrationId, entry.template(), entry.id())
                .map(QueryTemplateResource::created);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<QueryTemplateView> update(@PathParam("integrationId") UUID integrationId, @PathParam("id") UUID id,
            @Valid @NotNull QueryTemplateRequest request) {
        return service.update(callerContext.get(), integrationId, id, request);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Void> delete(@PathParam("integrationId") UUID integrationId, @PathParam("id") UUID id) {
        return service.delete(callerContext.get(), integrationId, id);
    }

    private static RestResponse<QueryTemplateView> created(QueryTemplateView view) {
        return RestResponse.ResponseBuilder.<QueryTemplateView>created(URI.create(
                "/api/v1/integrations/" + view.integrationId() + "/query-templates/" + view.id())).entity(view).build();
    }
}
