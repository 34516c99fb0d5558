package io.srecopilot.ingest.rest;

import io.smallrye.mutiny.Uni;
import io.srecopilot.ingest.correlation.CorrelationRuleRequest;
import io.srecopilot.ingest.correlation.CorrelationRuleView;
import io.srecopilot.ingest.correlation.CorrelationRules;
import io.srecopilot.platform.rest.Page;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/** The project's correlation rules: read by viewers, written by admins. */
@Path("/api/v1/signals/correlation-rules")
@Produces(MediaType.APPLICATION_JSON)
public class CorrelationRuleResource {

    private final CorrelationRules rules;
    private final CallerContext callerContext;

    public CorrelationRuleResource(CorrelationRules rules, CallerContext callerContext) {
        this.rules = rules;
        this.callerContext = callerContext;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Uni<Page<CorrelationRuleView>> list() {
        return rules.list(callerContext.get()).map(Page::whole);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<CorrelationRuleView>> create(@Valid @NotNull CorrelationRuleRequest request) {
        Caller caller = callerContext.get();
        return rules.create(caller.projectId(), caller, request).map(rule -> RestResponse.ResponseBuilder
                .<CorrelationRuleView>created(URI.create("/api/v1/signals/correlation-rules/" + rule.id()))
                .entity(rule).build());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<CorrelationRuleView> update(@PathParam("id") UUID id, @Valid @NotNull CorrelationRuleRequest request) {
        Caller caller = callerContext.get();
        return rules.update(caller.projectId(), caller, id, request);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Void> delete(@PathParam("id") UUID id) {
        Caller caller = callerContext.get();
        return rules.delete(caller.projectId(), caller, id);
    }
}
