package io.srecopilot.auth.rest;

import io.smallrye.mutiny.Uni;
import io.srecopilot.auth.Project;
import io.srecopilot.auth.ProjectView;
import io.srecopilot.auth.ProjectRole;
import io.srecopilot.auth.repository.AccountRepository;
import io.srecopilot.auth.service.ProjectService;
import io.srecopilot.platform.security.Caller;
import io.srecopilot.platform.security.CallerContext;
import io.srecopilot.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/** The caller's projects; changes apply to the active project and need its owner (creation: an admin). */
@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectResource {

    private final ProjectService projects;
    private final AccountRepository accounts;
    private final CallerContext callerContext;

    public ProjectResource(ProjectService projects, AccountRepository accounts, CallerContext callerContext) {
        this.projects = projects;
        this.accounts = accounts;
        this.callerContext = callerContext;
    }

    public record Projects(List<ProjectRole> items) {
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Uni<Projects> mine() {
        return accounts.projectsOf(callerContext.get().userId()).map(Projects::new);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<ProjectView>> create(@Valid @NotNull ProjectRequests.Name request) {
        return projects.create(callerContext.get(), request.name()).map(project -> RestResponse.ResponseBuilder
                .<ProjectView>create(RestResponse.Status.CREATED).entity(ProjectView.of(project)).build());
    }

    @PATCH
    @Path("/{projectId}")
    @RolesAllowed(Roles.OWNER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ProjectView> rename(@PathParam("projectId") UUID projectId, @Valid @NotNull ProjectRequests.Name request) {
        return projects.rename(callerContext.get(), projectId, request.name()).map(ProjectView::of);
    }

    @POST
    @Path("/{projectId}/archive")
    @RolesAllowed(Roles.OWNER)
    public Uni<ProjectView> archive(@PathParam("projectId") UUID projectId) {
        return projects.setArchived(callerContext.get(), projectId, true).map(ProjectView::of);
    }

    @POST
    @Path("/{projectId}/unarchive")
    @RolesAllowed(Roles.OWNER)
    public Uni<ProjectView> unarchive(@PathParam("projectId") UUID projectId) {
        return projects.setArchived(callerContext.get(), projectId, false).map(ProjectView::of);
    }

    @DELETE
    @Path("/{projectId}")
    @RolesAllowed(Roles.OWNER)
    public Uni<RestResponse<Void>> delete(@PathParam("projectId") UUID projectId) {
        Caller caller = callerContext.get();
        return projects.delete(caller, projectId).map(ignored -> RestResponse.noContent());
    }
}
