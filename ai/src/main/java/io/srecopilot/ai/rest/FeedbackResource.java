package io.srecopilot.ai.rest;

import io.smallrye.mutiny.Uni;
import io.srecopilot.ai.feedback.FeedbackRequest;
import io.srecopilot.ai.feedback.FeedbackService;
import io.srecopilot.ai.feedback.FeedbackView;
import io.srecopilot.platform.rest.Page;
import io.srecopilot.platform.security.CallerContext;
import io.srecopilot.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** Accepting or rejecting a hypothesis of the active project: one verdict per person, changeable. */
@Path("/api/v1/ai/hypotheses/{hypothesisId}/feedback")
@Produces(MediaType.APPLICATION_JSON)
public class FeedbackResource {

    private final FeedbackService feedback;
    private final CallerContext callerContext;

    public FeedbackResource(FeedbackService feedback, CallerContext callerContext) {
        this.feedback = feedback;
        this.callerContext = callerContext;
    }

    @PUT
    @RolesAllowed(Roles.ENGINEER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<FeedbackView> give(@PathParam("hypothesisId") UUID hypothesisId, @Valid @NotNull FeedbackRequest request) {
        return feedback.give(callerContext.get(), hypothesisId, request);
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Uni<Page<FeedbackView>> list(@PathParam("hypothesisId") UUID hypothesisId) {
        return feedback.of(callerContext.get(), hypothesisId).map(items -> new Page<>(items, null));
    }
}
