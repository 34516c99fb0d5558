package io.srecopilot.ingest.rest;

import io.smallrye.mutiny.Uni;
import io.srecopilot.ingest.context.ContextService;
import io.srecopilot.ingest.topology.EdgeRequest;
import io.srecopilot.ingest.topology.TopologyEdge;
import io.srecopilot.ingest.topology.TopologyService;
import io.srecopilot.platform.problem.FieldError;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.problem.ProblemType;
import io.srecopilot.platform.rest.Page;
import io.srecopilot.platform.rest.QueryInstants;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.security.Caller;
import io.srecopilot.platform.security.CallerContext;
import io.srecopilot.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The active project's service topology: who calls whom, declared by admins and inferred from
 * Prometheus; read by everyone in the project. Analyses get the same edges in their context.
 */
@Path("/api/v1/topology")
@Produces(MediaType.APPLICATION_JSON)
public class TopologyResource {

    private final TopologyService service;
    private final CallerContext callerContext;

    public TopologyResource(TopologyService service, CallerContext callerContext) {
        this.service = service;
        this.callerContext = callerContext;
    }

    /** Declared and inferred edges; inferred over {@code from}–{@code to} (default: the last hour). */
    @GET
    @RolesAllowed(Roles.VIEWER)
    public Uni<Page<TopologyEdge>> topology(@QueryParam("from") String from, @QueryParam("to") String to) {
        Caller caller = callerContext.get();
        List<FieldError> errors = new ArrayList<>();
        Instant start = QueryInstants.parse("from", from, null, errors);
        Instant end = QueryInstants.parse("to", to, null, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The range is not valid", errors);
        }
        Instant[] range = ContextService.range(start, end, Timestamps.now());
        return service.topology(caller.tenantId(), caller.projectId(), range[0], range[1]).map(Page::whole);
    }

    @GET
    @Path("edges/{id}")
    @RolesAllowed(Roles.VIEWER)
    public Uni<TopologyEdge> edge(@PathParam("id") UUID id) {
        return service.find(callerContext.get(), id);
    }

    @POST
    @Path("edges")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<TopologyEdge>> declare(@Valid @NotNull EdgeRequest request) {
        return service.declare(callerContext.get(), request).map(edge -> RestResponse.ResponseBuilder
                .<TopologyEdge>created(URI.create("/api/v1/topology/edges/" + edge.id())).entity(edge).build());
    }

    @DELETE
    @Path("edges/{id}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Void> remove(@PathParam("id") UUID id) {
        return service.remove(callerContext.get(), id);
    }
}
