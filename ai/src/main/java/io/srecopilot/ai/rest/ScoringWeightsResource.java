package io.srecopilot.ai.rest;

import io.smallrye.mutiny.Uni;
import io.srecopilot.ai.scoring.ScoringWeightsService;
import io.srecopilot.ai.scoring.WeightsRequest;
import io.srecopilot.ai.scoring.WeightsView;
import io.srecopilot.platform.security.CallerContext;
import io.srecopilot.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The active project's confidence weights: everyone reads them, admins set them. */
@Path("/api/v1/ai/scoring-weights")
@Produces(MediaType.APPLICATION_JSON)
public class ScoringWeightsResource {

    private final ScoringWeightsService weights;
    private final CallerContext callerContext;

    public ScoringWeightsResource(ScoringWeightsService weights, CallerContext callerContext) {
        this.weights = weights;
        this.callerContext = callerContext;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Uni<WeightsView> get() {
        return weights.get(callerContext.get());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Uni<WeightsView> set(@Valid @NotNull WeightsRequest request) {
        return weights.set(callerContext.get(), request);
    }
}
