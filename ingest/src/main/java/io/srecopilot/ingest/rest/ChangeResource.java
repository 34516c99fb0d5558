package io.srecopilot.ingest.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.srecopilot.ingest.change.Change;
import io.srecopilot.ingest.change.ChangeRequest;
import io.srecopilot.ingest.change.ChangeService;
import io.srecopilot.ingest.change.ChangeView;
import io.srecopilot.platform.problem.FieldError;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.problem.ProblemType;
import io.srecopilot.platform.rest.Cursor;
import io.srecopilot.platform.rest.Page;
import io.srecopilot.platform.rest.PageLimits;
import io.srecopilot.platform.rest.QueryInstants;
import io.srecopilot.platform.security.Caller;
import io.srecopilot.platform.security.CallerContext;
import io.srecopilot.platform.security.Roles;
import io.srecopilot.platform.security.Scopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/** Deploys and other changes: reported by pipelines, listed for people and analyses. */
@Path("/api/v1/ingest/changes")
@Produces(MediaType.APPLICATION_JSON)
public class ChangeResource {

    private final ChangeService service;
    private final CallerContext callerContext;

    public ChangeResource(ChangeService service, CallerContext callerContext) {
        this.service = service;
        this.callerContext = callerContext;
    }

    /** 201 for a new change, 200 with the known one when a report is repeated. */
    @POST
    @RolesAllowed({ Scopes.INGEST_WRITE, Roles.ENGINEER })
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<ChangeView>> record(@Valid @NotNull ChangeRequest request) {
        return service.record(callerContext.get(), request).map(recorded -> recorded.created()
                ? RestResponse.ResponseBuilder.<ChangeView>created(
                        URI.create("/api/v1/ingest/changes/" + recorded.change().id())).entity(recorded.change()).build()
                : RestResponse.ok(recorded.change()));
    }

    /** Most recently deployed first; filtered by service, type, environment and deploy time. */
    @GET
    @RolesAllowed(Roles.VIEWER)
    @WithSession
    public Uni<Page<ChangeView>> list(@QueryParam("service") String serviceName, @QueryParam("type") String type,
            @QueryParam("environment") String environment, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageLimits.MAX) int limit) {
        Caller caller = callerContext.get();
        List<FieldError> errors = new ArrayList<>();
        Instant deployedFrom = QueryInstants.parse("from", from, null, errors);
        Instant deployedTo = QueryInstants.parse("to", to, null, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The filters are not valid", errors);
        }
        StringBuilder where = new StringBuilder("tenantId = :tenantId and projectId = :projectId");
        Parameters parameters = Parameters.with("tenantId", caller.tenantId()).and("projectId", caller.projectId());
        appendIfPresent(where, parameters, "service", serviceName, " and service = :service");
        appendIfPresent(where, parameters, "type", type, " and type = :type");
        appendIfPresent(where, parameters, "environment", environment, " and environment = :environment");
        appendIfPresent(where, parameters, "from", deployedFrom, " and deployedAt >= :from");
        appendIfPresent(where, parameters, "to", deployedTo, " and deployedAt < :to");
        Cursor after = Cursor.decode(cursor);
        if (after != null) {
            where.append(" and (deployedAt < :at or (deployedAt = :at and id < :id))");
            parameters.and("at", after.at()).and("id", after.id());
        }
        return Change.<Change>find(where + " order by deployedAt desc, id desc", parameters).range(0, limit).list()
                .map(rows -> Page.of(rows, limit, row -> new Cursor(row.deployedAt, row.id), ChangeView::of));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.VIEWER)
    @WithSession
    public Uni<ChangeView> get(@PathParam("id") UUID id) {
        Caller caller = callerContext.get();
        return Change.<Change>find("id = ?1 and tenantId = ?2 and projectId = ?3", id, caller.tenantId(),
                caller.projectId()).firstResult().map(change -> {
                    if (change == null) {
                        throw ProblemException.notFound("change", id);
                    }
                    return ChangeView.of(change);
                });
    }

    private static void appendIfPresent(StringBuilder where, Parameters parameters, String name, Object value,
            String clause) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            where.append(clause);
            parameters.and(name, value);
        }
    }
}
