package io.srecopilot.audit.rest;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.srecopilot.audit.AuditService;
import io.srecopilot.audit.AuditStats;
import io.srecopilot.audit.repository.AuditQuery;
import io.srecopilot.platform.rest.Cursor;
import io.srecopilot.platform.rest.Page;
import io.srecopilot.platform.rest.PageLimits;
import io.srecopilot.platform.security.Caller;
import io.srecopilot.platform.security.CallerContext;
import io.srecopilot.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseHeader;

import org.jboss.resteasy.reactive.RestStreamElementType;

/** The audit log: admins read their project's, owners their tenant's; pages, exports and statistics. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private static final String CSV_HEADER = "id,occurredAt,actorType,actorId,action,resourceType,resourceId,outcome,"
            + "projectId,seq\n";

    private final AuditService audit;
    private final CallerContext callerContext;

    public AuditResource(AuditService audit, CallerContext callerContext) {
        this.audit = audit;
        this.callerContext = callerContext;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    public Uni<Page<AuditEntry>> list(@QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageLimits.MAX) int limit,
            @Valid @BeanParam AuditFilters filters) {
        AuditQuery query = filters.query(callerContext.get(), Cursor.decode(cursor), limit + 1);
        return audit.page(query).map(rows -> Page.of(rows, limit, row -> new Cursor(row.occurredAt, row.id),
                AuditEntry::of));
    }

    /** Every matching record, newest first, streamed as JSON Lines. */
    @GET
    @Path("/export.jsonl")
    @Produces("application/x-ndjson")
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @ResponseHeader(name = "Content-Disposition", value = "attachment; filename=\"audit.jsonl\"")
    @RolesAllowed(Roles.ADMIN)
    public Multi<AuditEntry> exportJsonLines(@Valid @BeanParam AuditFilters filters) {
        return audit.export(filters.query(callerContext.get(), null, 0)).map(AuditEntry::of);
    }

    /** Every matching record, newest first, streamed as CSV (RFC 4180 quoting; data left to JSON Lines). */
    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    @ResponseHeader(name = "Content-Disposition", value = "attachment; filename=\"audit.csv\"")
    @RolesAllowed(Roles.ADMIN)
    public Multi<String> exportCsv(@Valid @BeanParam AuditFilters filters) {
        Multi<String> rows = audit.export(filters.query(callerContext.get(), null, 0))
                .map(record -> CsvRow.of(record.id, record.occurredAt, record.actorType, record.actorId, record.action,
                        record.resourceType, record.resourceId, record.outcome, record.projectId, record.seq));
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(CSV_HEADER), rows);
    }

    @GET
    @Path("/stats")
    @RolesAllowed(Roles.ADMIN)
    public Uni<AuditStats> stats(@Valid @BeanParam AuditFilters filters) {
        Caller caller = callerContext.get();
        AuditQuery query = filters.query(caller, null, 0);
        return audit.stats(query, query.from(), query.to());
    }
}
