package io.srecopilot.ingest.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.srecopilot.ingest.AlertGroup;
import io.srecopilot.ingest.Signal;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.rest.Cursor;
import io.srecopilot.platform.rest.Page;
import io.srecopilot.platform.rest.PageLimits;
import io.srecopilot.platform.security.Caller;
import io.srecopilot.platform.security.CallerContext;
import io.srecopilot.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** The active project's signals and alert groups; another project's ids are not found. */
@Path("/api/v1/signals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public class SignalResource {

    /** A group's members are bounded by what one notification carries (see AlertmanagerWebhook). */
    private static final int MAX_GROUP_MEMBERS = 5_000;

    private final CallerContext callerContext;

    public SignalResource(CallerContext callerContext) {
        this.callerContext = callerContext;
    }

    /** Newest received first; optionally one group's, or those in one status. */
    @GET
    @WithSession
    public Uni<Page<SignalView>> list(@QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageLimits.MAX) int limit,
            @QueryParam("alertGroupId") UUID alertGroupId,
            @QueryParam("status") @Pattern(regexp = "firing|resolved") String status) {
        Caller caller = callerContext.get();
        Cursor after = Cursor.decode(cursor);
        StringBuilder where = new StringBuilder("tenantId = :tenantId and projectId = :projectId");
        Parameters parameters = Parameters.with("tenantId", caller.tenantId()).and("projectId", caller.projectId());
        if (alertGroupId != null) {
            where.append(" and alertGroupId = :groupId");
            parameters.and("groupId", alertGroupId);
        }
        if (status != null) {
            where.append(" and status = :status");
            parameters.and("status", status);
        }
        if (after != null) {
            where.append(" and (receivedAt < :at or (receivedAt = :at and id < :id))");
            parameters.and("at", after.at()).and("id", after.id());
        }
        return Signal.<Signal>find(where + " order by receivedAt desc, id desc", parameters).range(0, limit).list()
                .map(rows -> Page.of(rows, limit, row -> new Cursor(row.receivedAt, row.id), SignalView::of));
    }

    @GET
    @Path("{id}")
    @WithSession
    public Uni<SignalView> get(@PathParam("id") UUID id) {
        return ownSignal(id).map(SignalView::of);
    }

    private Uni<Signal> ownSignal(UUID id) {
        Caller caller = callerContext.get();
        return Signal.<Signal>find("id = :id and tenantId = :tenantId and projectId = :projectId",
                Parameters.with("id", id).and("tenantId", caller.tenantId()).and("projectId", caller.projectId()))
                .firstResult()
                .map(signal -> {
                    if (signal == null) {
                        throw ProblemException.notFound("signal", id);
                    }
                    return signal;
                });
    }

    /** Why the signal is in its group. */
    @GET
    @Path("{id}/correlation")
    @WithSession
    public Uni<CorrelationView> correlation(@PathParam("id") UUID id) {
        return ownSignal(id).chain(signal -> AlertGroup.<AlertGroup>findById(signal.alertGroupId)
                .map(group -> CorrelationView.of(signal, group)));
    }

    @GET
    @Path("groups/{id}")
    @WithSession
    public Uni<AlertGroupView> group(@PathParam("id") UUID id) {
        Caller caller = callerContext.get();
        Parameters scope = Parameters.with("id", id).and("tenantId", caller.tenantId())
                .and("projectId", caller.projectId());
        return AlertGroup.<AlertGroup>find("id = :id and tenantId = :tenantId and projectId = :projectId", scope)
                .firstResult()
                .chain(group -> {
                    if (group == null) {
                        return Uni.createFrom().failure(ProblemException.notFound("alert group", id));
                    }
                    return Signal.<Signal>find("alertGroupId = ?1 order by startsAt, fingerprint", group.id)
                            .range(0, MAX_GROUP_MEMBERS - 1).list()
                            .map(members -> AlertGroupView.of(group, members.stream().map(SignalView::of).toList()));
                });
    }
}
