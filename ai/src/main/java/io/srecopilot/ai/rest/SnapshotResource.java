package io.srecopilot.ai.rest;

import io.smallrye.mutiny.Uni;
import io.srecopilot.ai.snapshot.SnapshotService;
import io.srecopilot.ai.snapshot.SnapshotView;
import io.srecopilot.platform.security.CallerContext;
import io.srecopilot.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** What one of the project's analyses rested on, exactly as it was when it ran. */
@Path("/api/v1/ai/analyses/{analysisId}/snapshot")
@Produces(MediaType.APPLICATION_JSON)
public class SnapshotResource {

    private final SnapshotService snapshots;
    private final CallerContext callerContext;

    public SnapshotResource(SnapshotService snapshots, CallerContext callerContext) {
        this.snapshots = snapshots;
        this.callerContext = callerContext;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Uni<SnapshotView> get(@PathParam("analysisId") UUID analysisId) {
        return snapshots.of(callerContext.get(), analysisId);
    }
}
