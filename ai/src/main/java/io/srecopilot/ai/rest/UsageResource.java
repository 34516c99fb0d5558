package io.srecopilot.ai.rest;

import io.smallrye.mutiny.Uni;
import io.srecopilot.ai.llm.UsageReport;
import io.srecopilot.ai.llm.UsageService;
import io.srecopilot.platform.problem.FieldError;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.problem.ProblemType;
import io.srecopilot.platform.rest.QueryInstants;
import io.srecopilot.platform.security.CallerContext;
import io.srecopilot.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * LLM usage and cost by day, project and model (admins see their project, owners the tenant), and
 * the tenant's monthly budget, which owners set.
 */
@Path("/api/v1/ai/usage")
@Produces(MediaType.APPLICATION_JSON)
public class UsageResource {

    private final UsageService usage;
    private final CallerContext callerContext;

    public UsageResource(UsageService usage, CallerContext callerContext) {
        this.usage = usage;
        this.callerContext = callerContext;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    public Uni<UsageReport> report(@QueryParam("from") String from, @QueryParam("to") String to) {
        List<FieldError> errors = new ArrayList<>();
        Instant start = QueryInstants.parse("from", from, null, errors);
        Instant end = QueryInstants.parse("to", to, null, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The query is not valid", errors);
        }
        return usage.report(callerContext.get(), start, end);
    }

    @PUT
    @Path("/budget")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OWNER)
    public Uni<UsageReport.BudgetView> setBudget(@Valid @NotNull BudgetRequest request) {
        return usage.setBudget(callerContext.get(), request.monthlyUsd());
    }

    /** A tenant's monthly LLM budget in USD; zero switches the LLM off for the tenant. */
    public record BudgetRequest(@NotNull @DecimalMin("0") @DecimalMax("1000000") BigDecimal monthlyUsd) {
    }
}
