package io.srecopilot.ingest.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.srecopilot.ingest.Signal;
import io.srecopilot.platform.rest.Cursor;
import io.srecopilot.platform.rest.Page;
import io.srecopilot.platform.rest.PageLimits;
import io.srecopilot.platform.security.Caller;
import io.srecopilot.platform.security.CallerContext;
import io.srecopilot.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The active project's signals, newest received first. */
@Path("/api/v1/signals")
@Produces(MediaType.APPLICATION_JSON)
public class SignalResource {

    private final CallerContext callerContext;

    public SignalResource(CallerContext callerContext) {
        this.callerContext = callerContext;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @WithSession
    public Uni<Page<SignalView>> list(@QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageLimits.MAX) int limit) {
        Caller caller = callerContext.get();
        Cursor after = Cursor.decode(cursor);
        StringBuilder where = new StringBuilder("tenantId = :tenantId and projectId = :projectId");
        Parameters parameters = Parameters.with("tenantId", caller.tenantId()).and("projectId", caller.projectId());
        if (after != null) {
            where.append(" and (receivedAt < :at or (receivedAt = :at and id < :id))");
            parameters.and("at", after.at()).and("id", after.id());
        }
        return Signal.<Signal>find(where + " order by receivedAt desc, id desc", parameters).range(0, limit).list()
                .map(rows -> Page.of(rows, limit, row -> new Cursor(row.receivedAt, row.id), SignalView::of));
    }
}
