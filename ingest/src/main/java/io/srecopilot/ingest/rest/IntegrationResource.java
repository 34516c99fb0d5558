package io.srecopilot.ingest.rest;

import io.smallrye.mutiny.Uni;
import io.srecopilot.ingest.integration.ConnectionTest;
import io.srecopilot.ingest.integration.IntegrationRequest;
import io.srecopilot.ingest.integration.IntegrationService;
import io.srecopilot.ingest.integration.IntegrationView;
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

/** Prometheus integrations: read by viewers, written and tested by admins. */
@Path("/api/v1/integrations")
@Produces(MediaType.APPLICATION_JSON)
public class IntegrationResource {

    private final IntegrationService service;
    private final CallerContext callerContext;

    public IntegrationResource(IntegrationService service, CallerContext callerContext) {
        this.service = service;
        this.callerContext = callerContext;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Uni<Page<IntegrationView>> list() {
        return service.list(callerContext.get()).map(Page::whole);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.VIEWER)
    public Uni<IntegrationView> get(@PathParam("id") UUID id) {
        return service.get(callerContext.get(), id);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<IntegrationView>> create(@Valid @NotNull IntegrationRequest request) {
        return service.create(callerContext.get(), request).map(created -> RestResponse.ResponseBuilder
                .<IntegrationView>created(URI.create("/api/v1/integrations/" + created.id())).entity(created).build());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<IntegrationView> update(@PathParam("id") UUID id, @Valid @NotNull IntegrationRequest request) {
        return service.update(callerContext.get(), id, request);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Void> delete(@PathParam("id") UUID id) {
        return service.delete(callerContext.get(), id);
    }

    /** 200 with the outcome whether or not Prometheus answered; the health records it too. */
    @POST
    @Path("{id}/test")
    @RolesAllowed(Roles.ADMIN)
    public Uni<ConnectionTest> test(@PathParam("id") UUID id) {
        return service.test(callerContext.get(), id);
    }
}
