package io.srecopilot.ai.rest;

import io.smallrye.mutiny.Uni;
import io.srecopilot.ai.runbook.RunbookRequest;
import io.srecopilot.ai.runbook.RunbookService;
import io.srecopilot.ai.runbook.RunbookUse;
import io.srecopilot.ai.runbook.RunbookView;
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
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/** The active project's runbooks: admins write them, engineers mark them followed, everyone reads. */
@Path("/api/v1/ai/runbooks")
@Produces(MediaType.APPLICATION_JSON)
public class RunbookResource {

    private final RunbookService runbooks;
    private final CallerContext callerContext;

    public RunbookResource(RunbookService runbooks, CallerContext callerContext) {
        this.runbooks = runbooks;
        this.callerContext = callerContext;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Uni<Page<RunbookView>> list() {
        return runbooks.list(callerContext.get()).map(items -> new Page<>(items, null));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    public Uni<RunbookView> get(@PathParam("id") UUID id) {
        return runbooks.get(callerContext.get(), id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Uni<RestResponse<RunbookView>> create(@Valid @NotNull RunbookRequest request) {
        return runbooks.create(callerContext.get(), request)
                .map(view -> RestResponse.status(RestResponse.Status.CREATED, view));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Uni<RunbookView> update(@PathParam("id") UUID id, @Valid @NotNull RunbookRequest request) {
        return runbooks.update(callerContext.get(), id, request);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<RestResponse<Void>> delete(@PathParam("id") UUID id) {
        return runbooks.delete(callerContext.get(), id).map(nothing -> RestResponse.noContent());
    }

    /** The caller followed this runbook on the incident; it counts towards the MTTR it is shown with. */
    @POST
    @Path("/{id}/uses")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ENGINEER)
    public Uni<RestResponse<RunbookUse>> markUsed(@PathParam("id") UUID id, @Valid @NotNull UseRequest request) {
        return runbooks.markUsed(callerContext.get(), id, request.incidentId())
                .map(use -> RestResponse.status(RestResponse.Status.CREATED, use));
    }

    public record UseRequest(@NotNull UUID incidentId) {
    }
}
