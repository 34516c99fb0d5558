package io.srecopilot.ingest.rest;

import io.smallrye.mutiny.Uni;
import io.srecopilot.ingest.context.ContextService;
import io.srecopilot.ingest.context.IngestContext;
import io.srecopilot.platform.problem.FieldError;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.problem.ProblemType;
import io.srecopilot.platform.rest.QueryInstants;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.security.Caller;
import io.srecopilot.platform.security.CallerContext;
import io.srecopilot.platform.security.Roles;
import io.srecopilot.platform.security.ServiceScopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonString;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The context of a project's services over a time range, for the ai service (a service token with
 * {@code context:read}, bound to the project it names) and for people of the project (their own
 * project only).
 * {@code signals=false} leaves the alerts out: ai has them from {@code incident.created}, and
 * reading 500 of them for every analysis cost more than the rest of the answer under an alert storm.
 */
@Path("/api/v1/signals/context")
@Produces(MediaType.APPLICATION_JSON)
public class ContextResource {

    private final ContextService service;
    private final CallerContext callerContext;
    private final JsonWebToken token;

    public ContextResource(ContextService service, CallerContext callerContext, JsonWebToken token) {
        this.service = service;
        this.callerContext = callerContext;
        this.token = token;
    }

    @GET
    @RolesAllowed({ ServiceScopes.READ_CONTEXT, Roles.VIEWER })
    public Uni<IngestContext> context(@QueryParam("tenantId") UUID tenantId, @QueryParam("projectId") UUID projectId,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("around") String around,
            @QueryParam("services") String services, @QueryParam("signals") @DefaultValue("true") boolean signals) {
        Caller caller = callerContext.get();
        List<FieldError> errors = new ArrayList<>();
        Instant start = QueryInstants.parse("from", from, null, errors);
        Instant end = QueryInstants.parse("to", to, null, errors);
        Instant moment = QueryInstants.parse("around", around, null, errors);
        boolean forService = caller.tenantId() == null;
        if (forService && (tenantId == null || projectId == null)) {
            errors.add(new FieldError(tenantId == null ? "tenantId" : "projectId", "is required for services"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The query is not valid", errors);
        }
        if (forService && !boundTo(tenantId, projectId)) {
            // A token of another project (or of none) reads nothing here, however it was obtained.
            throw new ProblemException(ProblemType.FORBIDDEN, "This service token is not for project " + projectId);
        }
        Instant[] range = ContextService.range(start, end, Timestamps.now());
        List<String> named = services == null || services.isBlank() ? List.of()
                : Arrays.stream(services.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList();
        return service.context(forService ? tenantId : caller.tenantId(), forService ? projectId : caller.projectId(),
                range[0], range[1], moment, named, signals);
    }

    private boolean boundTo(UUID tenantId, UUID projectId) {
        return tenantId.toString().equals(claim("tid")) && projectId.toString().equals(claim("pid"));
    }

    private String claim(String name) {
        Object value = token.getClaim(name);
        return value instanceof JsonString json ? json.getString() : value == null ? null : value.toString();
    }
}
