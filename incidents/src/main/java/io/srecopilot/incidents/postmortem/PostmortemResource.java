package io.srecopilot.incidents.postmortem;

import io.smallrye.mutiny.Uni;
import io.srecopilot.incidents.rest.IfMatch;
import io.srecopilot.platform.security.CallerContext;
import io.srecopilot.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/** An incident's postmortem: engineers write it, everyone reads it, as JSON or as Markdown. */
@Path("/api/v1/incidents/{id}/postmortem")
public class PostmortemResource {

    static final String MARKDOWN = "text/markdown";

    private final PostmortemService service;
    private final CallerContext callerContext;

    public PostmortemResource(PostmortemService service, CallerContext callerContext) {
        this.service = service;
        this.callerContext = callerContext;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<PostmortemView>> get(@PathParam("id") UUID id) {
        return service.get(callerContext.get(), id).map(PostmortemResource::withEtag);
    }

    @GET
    @Path("/markdown")
    @RolesAllowed(Roles.VIEWER)
    @Produces(MARKDOWN + ";charset=utf-8")
    public Uni<RestResponse<String>> markdown(@PathParam("id") UUID id) {
        return service.markdown(callerContext.get(), id).map(markdown -> RestResponse.ResponseBuilder.ok(markdown)
                .header("Content-Disposition", "attachment; filename=\"postmortem-" + id + ".md\"").build());
    }

    @PUT
    @RolesAllowed(Roles.ENGINEER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<PostmortemView>> write(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull PostmortemRequest request) {
        return service.write(callerContext.get(), id, IfMatch.expectedVersion(ifMatch), request)
                .map(PostmortemResource::withEtag);
    }

    private static RestResponse<PostmortemView> withEtag(PostmortemView view) {
        return RestResponse.ResponseBuilder.ok(view).header(HttpHeaders.ETAG, IfMatch.etag(view.version())).build();
    }
}
