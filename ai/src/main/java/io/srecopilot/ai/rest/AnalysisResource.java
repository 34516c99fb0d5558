package io.srecopilot.ai.rest;

import io.smallrye.mutiny.Uni;
import io.srecopilot.ai.AnalysisView;
import io.srecopilot.ai.service.AnalysisService;
import io.srecopilot.platform.security.CallerContext;
import io.srecopilot.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/** The root-cause analysis of one of the active project's incidents. */
@Path("/api/v1/ai/incidents/{incidentId}/analysis")
@Produces(MediaType.APPLICATION_JSON)
public class AnalysisResource {

    private final AnalysisService analyses;
    private final CallerContext callerContext;

    public AnalysisResource(AnalysisService analyses, CallerContext callerContext) {
        this.analyses = analyses;
        this.callerContext = callerContext;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Uni<AnalysisView> latest(@PathParam("incidentId") UUID incidentId) {
        return analyses.latest(callerContext.get(), incidentId);
    }

    /** Runs the analysis again; answered 202 with the run, whose completion is also announced. */
    @POST
    @RolesAllowed(Roles.ENGINEER)
    public Uni<RestResponse<AnalysisView>> rerun(@PathParam("incidentId") UUID incidentId) {
        return analyses.rerun(callerContext.get(), incidentId)
                .map(view -> RestResponse.ResponseBuilder.<AnalysisView>create(RestResponse.Status.ACCEPTED).entity(view).build());
    }
}
