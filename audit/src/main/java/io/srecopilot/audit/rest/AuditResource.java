package io.srecopilot.audit.rest;

import io.smallrye.mutiny.Uni;
import io.srecopilot.audit.repository.AuditQuery;
import io.srecopilot.audit.repository.AuditRepository;
import io.srecopilot.platform.rest.Cursor;
import io.srecopilot.platform.rest.Page;
import io.srecopilot.platform.rest.PageLimits;
import io.srecopilot.platform.security.Caller;
import io.srecopilot.platform.security.CallerContext;
import io.srecopilot.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The active project's audit log, for its admins. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditRepository repository;
    private final CallerContext callerContext;

    public AuditResource(AuditRepository repository, CallerContext callerContext) {
        this.repository = repository;
        this.callerContext = callerContext;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    public Uni<Page<AuditEntry>> list(@QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageLimits.MAX) int limit,
            @QueryParam("action") @Size(max = 100) String action,
            @QueryParam("resourceType") @Size(max = 100) String resourceType,
            @QueryParam("resourceId") @Size(max = 100) String resourceId) {
        Caller caller = callerContext.get();
        AuditQuery query = new AuditQuery(caller.tenantId(), caller.projectId(), action, resourceType, resourceId,
                Cursor.decode(cursor), limit + 1);
        return repository.page(query).map(rows -> Page.of(rows, limit, row -> new Cursor(row.occurredAt, row.id),
                AuditEntry::of));
    }
}
