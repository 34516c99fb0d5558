package io.srecopilot.audit.rest;

import io.srecopilot.audit.AuditService;
import io.srecopilot.audit.repository.AuditQuery;
import io.srecopilot.platform.problem.FieldError;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.problem.ProblemType;
import io.srecopilot.platform.rest.Cursor;
import io.srecopilot.platform.rest.QueryInstants;
import io.srecopilot.platform.security.Caller;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The filters every audit read takes: project (owners), actor, action, resource, outcome, time range. */
public class AuditFilters {

    @QueryParam("projectId")
    UUID projectId;

    @QueryParam("actorId")
    @Size(max = 200)
    String actorId;

    @QueryParam("action")
    @Size(max = 100)
    String action;

    @QueryParam("resourceType")
    @Size(max = 100)
    String resourceType;

    @QueryParam("resourceId")
    @Size(max = 100)
    String resourceId;

    @QueryParam("outcome")
    @Pattern(regexp = "success|failure", message = "must be success or failure")
    String outcome;

    @QueryParam("from")
    String from;

    @QueryParam("to")
    String to;

    AuditQuery query(Caller caller, Cursor after, int limit) {
        List<FieldError> errors = new ArrayList<>();
        Instant start = QueryInstants.parse("from", from, null, errors);
        Instant end = QueryInstants.parse("to", to, null, errors);
        if (start != null && end != null && !start.isBefore(end)) {
            errors.add(new FieldError("from", "must be before 'to'"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The query is not valid", errors);
        }
        return new AuditQuery(caller.tenantId(), AuditService.projectScope(caller, projectId), actorId, action,
                resourceType, resourceId, outcome, start, end, after, limit);
    }
}
