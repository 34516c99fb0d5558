package io.srecopilot.ai.rest;

import io.smallrye.mutiny.Uni;
import io.srecopilot.ai.policy.PolicyDecisionView;
import io.srecopilot.ai.policy.PolicyDecisions;
import io.srecopilot.ai.policy.PolicyRequest;
import io.srecopilot.ai.policy.PolicyService;
import io.srecopilot.ai.policy.PolicyView;
import io.srecopilot.platform.rest.Cursor;
import io.srecopilot.platform.rest.Page;
import io.srecopilot.platform.rest.PageLimits;
import io.srecopilot.platform.security.CallerContext;
import io.srecopilot.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/** The active project's policies (admins write them) and what they decided. */
@Path("/api/v1/ai/policies")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    private final PolicyService policies;
    private final PolicyDecisions decisions;
    private final CallerContext callerContext;

    public PolicyResource(PolicyService policies, PolicyDecisions decisions, CallerContext callerContext) {
        this.policies = policies;
        this.decisions = decisions;
        this.callerContext = callerContext;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Uni<Page<PolicyView>> list() {
        return policies.list(callerContext.get()).map(items -> new Page<>(items, null));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    public Uni<PolicyView> get(@PathParam("id") UUID id) {
        return policies.get(callerContext.get(), id);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<PolicyView>> create(@Valid @NotNull PolicyRequest request) {
        return policies.create(callerContext.get(), request)
                .map(view -> RestResponse.ResponseBuilder.<PolicyView>create(RestResponse.Status.CREATED).entity(view).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PolicyView> update(@PathParam("id") UUID id, @Valid @NotNull PolicyRequest request) {
        return policies.update(callerContext.get(), id, request);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Void> delete(@PathParam("id") UUID id) {
        return policies.delete(callerContext.get(), id);
    }

    /** Checks a condition for an editor: {@code {valid, error, position}}; nothing is saved. */
    @POST
    @Path("/validate")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public PolicyService.PolicyCheck validate(@Valid @NotNull ConditionCheck check) {
        return PolicyService.check(check.condition());
    }

    /** Newest first; {@code incidentId} narrows to one incident. */
    @GET
    @Path("/decisions")
    @RolesAllowed(Roles.VIEWER)
    public Uni<Page<PolicyDecisionView>> decisions(@QueryParam("incidentId") UUID incidentId,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageLimits.MAX) int limit) {
        return decisions.list(callerContext.get(), incidentId, Cursor.decode(cursor), limit);
    }

    public record ConditionCheck(@NotNull String condition) {
    }
}
